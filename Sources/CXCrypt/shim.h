#ifndef VENTANILLA_CXCRYPT_H
#define VENTANILLA_CXCRYPT_H
#include <crypt.h>
#endif
