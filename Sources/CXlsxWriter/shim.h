#ifndef VENTANILLA_CXLSXWRITER_H
#define VENTANILLA_CXLSXWRITER_H
/* libxlsxwriter (Debian libxlsxwriter-dev): only the Spreadsheet target imports this module. */
#include <xlsxwriter.h>
#endif
