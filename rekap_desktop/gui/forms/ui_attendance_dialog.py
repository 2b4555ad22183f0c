# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'attendance_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AttendanceDialog(object):
    def setupUi(self, AttendanceDialog):
        if not AttendanceDialog.objectName():
            AttendanceDialog.setObjectName(u"AttendanceDialog")
        AttendanceDialog.resize(480, 300)
        self.layout = QVBoxLayout(AttendanceDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.roleLabel = QLabel(AttendanceDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleBox = QComboBox(AttendanceDialog)
        self.roleBox.setObjectName(u"roleBox")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.roleBox)

        self.nameLabel = QLabel(AttendanceDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(AttendanceDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.choiceLabel = QLabel(AttendanceDialog)
        self.choiceLabel.setObjectName(u"choiceLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.choiceLabel)

        self.choiceBox = QComboBox(AttendanceDialog)
        self.choiceBox.setObjectName(u"choiceBox")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.choiceBox)

        self.mandateLabel = QLabel(AttendanceDialog)
        self.mandateLabel.setObjectName(u"mandateLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.mandateLabel)

        self.mandateBox = QComboBox(AttendanceDialog)
        self.mandateBox.setObjectName(u"mandateBox")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.mandateBox)

        self.noteLabel = QLabel(AttendanceDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(AttendanceDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.layout.addLayout(self.form)

        self.problemLabel = QLabel(AttendanceDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setStyleSheet(u"color: #a00000;")
        self.problemLabel.setWordWrap(True)

        self.layout.addWidget(self.problemLabel)

        self.buttons = QDialogButtonBox(AttendanceDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.roleLabel.setBuddy(self.roleBox)
        self.nameLabel.setBuddy(self.nameEdit)
        self.choiceLabel.setBuddy(self.choiceBox)
        self.mandateLabel.setBuddy(self.mandateBox)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.roleBox, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.choiceBox)
        QWidget.setTabOrder(self.choiceBox, self.mandateBox)
        QWidget.setTabOrder(self.mandateBox, self.noteEdit)

        self.retranslateUi(AttendanceDialog)

        QMetaObject.connectSlotsByName(AttendanceDialog)
    # setupUi

    def retranslateUi(self, AttendanceDialog):
        AttendanceDialog.setWindowTitle(QCoreApplication.translate("AttendanceDialog", u"Daftar hadir", None))
        self.roleLabel.setText(QCoreApplication.translate("AttendanceDialog", u"&Peran:", None))
        self.nameLabel.setText(QCoreApplication.translate("AttendanceDialog", u"&Nama:", None))
        self.choiceLabel.setText(QCoreApplication.translate("AttendanceDialog", u"Saksi &untuk:", None))
        self.mandateLabel.setText(QCoreApplication.translate("AttendanceDialog", u"Surat &mandat:", None))
        self.noteLabel.setText(QCoreApplication.translate("AttendanceDialog", u"&Catatan:", None))
    # retranslateUi

