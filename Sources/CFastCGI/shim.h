#ifndef VENTANILLA_CFASTCGI_H
#define VENTANILLA_CFASTCGI_H
#include <fcgiapp.h>
#endif
