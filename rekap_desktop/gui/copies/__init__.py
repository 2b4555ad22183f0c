"""Salinan dan tanda terima: the dialog that hands copies and the register's log of them."""
