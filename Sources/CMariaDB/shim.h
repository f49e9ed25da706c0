#ifndef VENTANILLA_CMARIADB_H
#define VENTANILLA_CMARIADB_H
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>
#endif
