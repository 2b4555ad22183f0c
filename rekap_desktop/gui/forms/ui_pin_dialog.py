# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pin_dialog.ui'
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

class Ui_PinDialog(object):
    def setupUi(self, PinDialog):
        if not PinDialog.objectName():
            PinDialog.setObjectName(u"PinDialog")
        PinDialog.resize(460, 210)
        self.layout = QVBoxLayout(PinDialog)
        self.layout.setObjectName(u"layout")
        self.actionLabel = QLabel(PinDialog)
        self.actionLabel.setObjectName(u"actionLabel")
        self.actionLabel.setWordWrap(True)

        self.layout.addWidget(self.actionLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.userLabel = QLabel(PinDialog)
        self.userLabel.setObjectName(u"userLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userBox = QComboBox(PinDialog)
        self.userBox.setObjectName(u"userBox")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.userBox)

        self.pinLabel = QLabel(PinDialog)
        self.pinLabel.setObjectName(u"pinLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pinLabel)

        self.pinEdit = QLineEdit(PinDialog)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pinEdit)


        self.layout.addLayout(self.form)

        self.problemLabel = QLabel(PinDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setStyleSheet(u"color: #a00000;")
        self.problemLabel.setWordWrap(True)

        self.layout.addWidget(self.problemLabel)

        self.buttons = QDialogButtonBox(PinDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.userLabel.setBuddy(self.userBox)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PinDialog)

        QMetaObject.connectSlotsByName(PinDialog)
    # setupUi

    def retranslateUi(self, PinDialog):
        PinDialog.setWindowTitle(QCoreApplication.translate("PinDialog", u"Konfirmasi komisioner", None))
        self.actionLabel.setText(QCoreApplication.translate("PinDialog", u"Tindakan ini perlu konfirmasi anggota atau ketua KPU dengan PIN.", None))
        self.userLabel.setText(QCoreApplication.translate("PinDialog", u"&Komisioner:", None))
        self.pinLabel.setText(QCoreApplication.translate("PinDialog", u"&PIN:", None))
    # retranslateUi

