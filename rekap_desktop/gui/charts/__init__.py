"""pyqtgraph charts fed by plain (label, value) tuples."""
