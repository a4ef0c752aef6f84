"""Printed reports (reportlab PDFs, openpyxl workbooks) built from service DTOs. Qt-free.

Keep this package's import light: the CLI parser and the GUI import `desktop.reports.kinds`
at start-up; reportlab is imported only by the modules that draw.
"""
