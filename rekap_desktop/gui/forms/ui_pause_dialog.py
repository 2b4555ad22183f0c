# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pause_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PauseDialog(object):
    def setupUi(self, PauseDialog):
        if not PauseDialog.objectName():
            PauseDialog.setObjectName(u"PauseDialog")
        PauseDialog.resize(440, 180)
        self.layout = QVBoxLayout(PauseDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(PauseDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.reasonLabel = QLabel(PauseDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(PauseDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.layout.addLayout(self.form)

        self.problemLabel = QLabel(PauseDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setStyleSheet(u"color: #a00000;")

        self.layout.addWidget(self.problemLabel)

        self.buttons = QDialogButtonBox(PauseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PauseDialog)

        QMetaObject.connectSlotsByName(PauseDialog)
    # setupUi

    def retranslateUi(self, PauseDialog):
        PauseDialog.setWindowTitle(QCoreApplication.translate("PauseDialog", u"Skors rapat", None))
        self.intro.setText(QCoreApplication.translate("PauseDialog", u"Rapat diskors (tata tertib butir 11). Proyektor menampilkan kartu skors sampai skors dicabut.", None))
        self.reasonLabel.setText(QCoreApplication.translate("PauseDialog", u"&Alasan skors:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("PauseDialog", u"mis. istirahat, salat, makan (ishoma)", None))
    # retranslateUi

