// GENERATED FILE, do not edit. Source: monitor.openapi.json (same directory).
// Regenerate with: scripts/lib/embed-openapi

/// The OpenAPI 3.1 document of the Monitor API, served at `GET /openapi.json`.
enum MonitorOpenAPIDocument {
    /// The text of `monitor.openapi.json`, byte for byte.
    static let json: String = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Ventanilla: Monitor API",
    "version": "1.0.0",
    "summary": "Insurance-claim tracking (expedientes) for a truck/bus body shop.",
    "description": "The Monitor module of Ventanilla (monitor.md, rulings M1-M12, seeds 000 and 001).\n\n* Every response is JSON (but for the HTML of `GET /docs`, and of `GET /` when a browser asks for HTML). Errors are `{\"error\": \"<message>\"}` (schema `Error`); an unknown route is `404 {\"error\":\"Ruta no encontrada\"}` with or without a token (ruling M10), a wrong method `405 {\"error\":\"Método no permitido\"}`, malformed JSON `400 {\"error\":\"El cuerpo de la solicitud no es JSON válido\"}`, an unexpected failure `500 {\"error\":\"Error interno del servidor\"}`.\n* Auth: `Authorization: Bearer <token>` from `POST /api/auth/login` (HS256, 8 h). The token only names the user: a deleted user, or one whose password changed, is refused (401) and a changed role applies, within 30 s of the change (ruling 9). Roles: Administrador (A), Operador, Tecnico. Each operation's description names the role it needs; a missing or bad token is 401, a role that may not is 403.\n* Dates are returned as `YYYY-MM-DDT12:00:00.000Z`, instants as ISO 8601 UTC with milliseconds (rulings M3, M9). The module's time zone is America/Mexico_City; times of day (checklist and comentario `hora`) as `1970-01-01THH:MM:SS.000Z` (M11). An empty string for a date, timestamp or time is a 400 naming the field, never a `null` (M11).\n* Every operation with a request body requires it: a missing or empty body is `400 {\"error\":\"El cuerpo de la solicitud es obligatorio\"}` (for login, the 400 of §4.1). Create checks a blank `no_siniestro` (400), then a taken one (409), then the other fields; update checks the expediente exists (404) before the fields (M11).\n* A path parameter holds any character sent percent-encoded, `/` included (`SIN%2F2024` is the expediente `SIN/2024`): routing splits the raw path and decodes each segment (M12).\n\nThis file is the source of truth: `Sources/Monitor/API/OpenAPI/monitor.openapi.json`. After editing it run `scripts/lib/embed-openapi`, which regenerates `MonitorOpenAPIDocument.swift`; the tests in `Tests/MonitorTests/OpenAPITests.swift` check both and the parity with the router."
  },
  "servers": [
    {"url": "http://127.0.0.1:8080", "description": "Local stack (scripts/serve)"}
  ],
  "tags": [
    {"name": "Sistema", "description": "Banner, discovery, health and this document (public)."},
    {"name": "Auth", "description": "Login and user registration (monitor.md §4.1)."},
    {"name": "Usuarios", "description": "User administration, Administrador only (§4.2)."},
    {"name": "Expedientes", "description": "Insurance claims (§4.4, seeds 000 and 001)."},
    {"name": "Estado", "description": "The estado workflow (§4.5, §5)."},
    {"name": "Evidencias", "description": "Evidence files of an expediente (§4.6)."},
    {"name": "Levantamientos", "description": "Damage surveys and their cost lines (§4.7)."},
    {"name": "Checklist", "description": "Exit/inspection checklists (§4.8)."},
    {"name": "Comentarios", "description": "Comments on an expediente (§4.9)."},
    {"name": "Formatos", "description": "The printed forms as .xlsx downloads (§4.10, §7, ruling M13)."}
  ],
  "paths": {
    "/": {
      "get": {
        "operationId": "getRoot",
        "summary": "Service banner (JSON), or the landing page for a browser",
        "description": "The JSON banner of monitor.md §1; a client whose `Accept` header prefers `text/html` to `application/json` (a browser) gets an HTML page linking to `/docs`, `/openapi.json` and `/api/health` instead.\n\n**Auth:** Public: no token needed.",
        "tags": ["Sistema"],
        "security": [],
        "responses": {
          "200": {
            "description": "The service answers.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Banner"},
                "example": {"nombre": "Monitor API", "estado": "OK"}
              },
              "text/html": {
                "schema": {"type": "string"}
              }
            }
          }
        }
      }
    },
    "/docs": {
      "get": {
        "operationId": "getDocs",
        "summary": "This reference in HTML",
        "description": "Every operation of this document, grouped by tag, rendered from the document itself (no script, nothing loaded from elsewhere).\n\n**Auth:** Public: no token needed.",
        "tags": ["Sistema"],
        "security": [],
        "responses": {
          "200": {
            "description": "The page.",
            "content": {
              "text/html": {
                "schema": {"type": "string"}
              }
            }
          }
        }
      }
    },
    "/discovery": {
      "get": {
        "operationId": "getDiscovery",
        "summary": "LAN discovery",
        "description": "**Auth:** Public: no token needed.",
        "tags": ["Sistema"],
        "security": [],
        "responses": {
          "200": {
            "description": "The host's non-internal IPv4 addresses, for the mobile app.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Discovery"},
                "example": {"nombre": "Monitor API", "ips": ["192.168.1.20"]}
              }
            }
          }
        }
      }
    },
    "/api/health": {
      "get": {
        "operationId": "getHealth",
        "summary": "Health of the service",
        "description": "monitor.md §4.3.\n\n**Auth:** Public: no token needed.",
        "tags": ["Sistema"],
        "security": [],
        "responses": {
          "200": {
            "description": "Always 200; `database` says whether the database answered.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Health"},
                "example": {
                  "ip": "127.0.0.1",
                  "backend": true,
                  "database": true,
                  "disco": {"libre_GB": "12.3", "usado_GB": "40.1", "total_GB": "52.4"},
                  "evidencias": {"archivos": 3, "tamaño_MB": "0.0"},
                  "expedientes": 17,
                  "ram": {"usada_MB": 85, "total_MB": 16384}
                }
              }
            }
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "getOpenAPIDocument",
        "summary": "This OpenAPI document",
        "description": "**Auth:** Public: no token needed.",
        "tags": ["Sistema"],
        "security": [],
        "responses": {
          "200": {
            "description": "The OpenAPI 3.1 document of the Monitor API.",
            "content": {
              "application/json": {
                "schema": {"type": "object"}
              }
            }
          }
        }
      }
    },
    "/api/auth/login": {
      "post": {
        "operationId": "login",
        "summary": "Log in",
        "description": "monitor.md §4.1.\n\n**Auth:** Public: no token needed.",
        "tags": ["Auth"],
        "security": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/LoginRequest"},
              "example": {"username": "admin", "password": "ventanilla"}
            }
          }
        },
        "responses": {
          "200": {
            "description": "A token valid for 8 hours (HS256; claims `id`, `username`, `rol`, `pwd` — a stamp of the password — `iat`, `exp`) and the user.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/LoginResponse"},
                "example": {
                  "token": "<jwt>",
                  "usuario": {"id": 1, "nombre": "Admin", "username": "admin", "rol": "Administrador"}
                }
              }
            }
          },
          "400": {
            "description": "Missing credentials or a username with whitespace.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "missing": {
                    "value": {"error": "Usuario y contraseña requeridos"}
                  },
                  "whitespace": {
                    "value": {"error": "El usuario no puede contener espacios"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {
            "description": "Unknown user or wrong password.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "invalid": {
                    "value": {"error": "Credenciales inválidas"}
                  }
                }
              }
            }
          },
          "429": {"$ref": "#/components/responses/TooManyRequests"},
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/auth/register": {
      "post": {
        "operationId": "register",
        "summary": "Create a user",
        "description": "monitor.md §4.1. `rol` accepts `Técnico` and stores `Tecnico` (ruling M5). Passwords are stored as bcrypt `$2b$` hashes.\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Auth"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/RegisterRequest"},
              "example": {"username": "ltorres", "password": "s3creta", "rol": "Técnico", "nombre": "Luis Torres"}
            }
          }
        },
        "responses": {
          "201": {
            "description": "The user (never the hash).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Usuario"},
                "example": {"id": 4, "nombre": "Luis Torres", "username": "ltorres", "rol": "Tecnico"}
              }
            }
          },
          "400": {
            "description": "Invalid input.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "missing": {
                    "value": {"error": "username, password y rol son requeridos"}
                  },
                  "whitespace": {
                    "value": {"error": "El usuario no puede contener espacios"}
                  },
                  "rol": {
                    "value": {"error": "Rol inválido. Debe ser: Administrador, Operador, Tecnico"}
                  },
                  "taken": {
                    "value": {"error": "El username ya está en uso"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno al crear usuario"}
                  }
                }
              }
            }
          },
          "429": {"$ref": "#/components/responses/TooManyRequests"},
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/usuarios": {
      "get": {
        "operationId": "listUsuarios",
        "summary": "List users",
        "description": "monitor.md §4.2.\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Usuarios"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Every user, ordered by id.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/Usuario"}
                },
                "example": [
                  {"id": 1, "nombre": "Admin", "username": "admin", "rol": "Administrador"},
                  {"id": 2, "nombre": "Operador", "username": "operador", "rol": "Operador"}
                ]
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/usuarios/{id}": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "Numeric id of the user: a positive integer, digits only (`1.0`, `12abc`, `0` are a 400).",
          "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 2147483647}
        }
      ],
      "get": {
        "operationId": "getUsuario",
        "summary": "Get a user",
        "description": "monitor.md §4.2.\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Usuarios"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The user.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Usuario"},
                "example": {"id": 1, "nombre": "Admin", "username": "admin", "rol": "Administrador"}
              }
            }
          },
          "400": {
            "description": "The id is not a positive integer.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "404": {
            "description": "No such user.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Usuario no encontrado"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "put": {
        "operationId": "updateUsuario",
        "summary": "Update a user",
        "description": "monitor.md §4.2. `nombre` is applied whenever the key is present (`null` clears); `username`, `rol` and `password` only when non-empty (the password is re-hashed).\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Usuarios"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/UsuarioUpdate"},
              "example": {"nombre": "Operadora"}
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated user.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Usuario"},
                "example": {"id": 2, "nombre": "Operadora", "username": "operador", "rol": "Operador"}
              }
            }
          },
          "400": {
            "description": "Invalid input.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  },
                  "rol": {
                    "value": {"error": "Rol inválido. Debe ser: Administrador, Operador, Tecnico"}
                  },
                  "whitespace": {
                    "value": {"error": "El usuario no puede contener espacios"}
                  },
                  "taken": {
                    "value": {"error": "El username ya está en uso"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "404": {
            "description": "No such user.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Usuario no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno al actualizar usuario"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "delete": {
        "operationId": "deleteUsuario",
        "summary": "Delete a user",
        "description": "monitor.md §4.2, ruling M10.\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Usuarios"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Deleted.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/DeletedUsuario"},
                "example": {"ok": true, "id": 4}
              }
            }
          },
          "400": {
            "description": "Bad id or own account.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  },
                  "self": {
                    "value": {"error": "No puedes eliminar tu propia cuenta"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "404": {
            "description": "No such user.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Usuario no encontrado"}
                  }
                }
              }
            }
          },
          "409": {
            "description": "The user is still referenced by expedientes, historial, evidencias or comentarios (ruling M10).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "referenced": {
                    "value": {"error": "No se puede eliminar el usuario porque tiene registros asociados"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/expedientes": {
      "get": {
        "operationId": "listExpedientes",
        "summary": "List expedientes",
        "description": "All expedientes, ordered by `fecha_ingreso` descending. monitor.md §4.4.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Expedientes"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The list (summary form).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/ExpedienteResumen"}
                },
                "example": [
                  {
                    "no_siniestro": "SIN-2024-001",
                    "factura": "F-00123",
                    "orden": "OT-2024-045",
                    "asesor": "María López",
                    "fecha_ingreso": "2024-03-15T12:00:00.000Z",
                    "estado": "Restauracion",
                    "marca": "Toyota",
                    "placas": "ABC-123",
                    "tipo": "Sedán",
                    "color": "Blanco",
                    "modelo": "Corolla",
                    "nombre_cliente": "Juan García",
                    "telefono_cliente": "555-100-2000",
                    "aseguradora": {"id": 1, "nombre": "AXA"}
                  }
                ]
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error al obtener la lista de expedientes"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "post": {
        "operationId": "createExpediente",
        "summary": "Create an expediente",
        "description": "Seed 000, ruling M1. Creates the expediente with estado `Ingreso` and its first `historial_estado` row (`estado_anterior` null, `estado_nuevo` `Ingreso`) in one transaction.\n\n**Auth:** Requires a token with role Administrador or Operador (Tecnico gets 403).",
        "tags": ["Expedientes"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/ExpedienteCreate"},
              "example": {
                "no_siniestro": "SIN-2024-001",
                "marca": "Toyota",
                "modelo": "Corolla",
                "color": "Blanco",
                "placas": "ABC-123",
                "nombre_cliente": "Juan García",
                "id_aseguradora": 1
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The full expediente as persisted (scalar fields, no relations); `estado` is `Ingreso`, `creado_por` the caller.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Expediente"},
                "example": {
                  "no_siniestro": "SIN-2024-001",
                  "factura": null,
                  "orden": null,
                  "asesor": null,
                  "fecha_ingreso": null,
                  "fecha_valuacion": null,
                  "fecha_autorizacion": null,
                  "fecha_pzas_completas": null,
                  "unidad_terminada": null,
                  "tecnico": null,
                  "mecanico": null,
                  "vehiculo": null,
                  "observaciones": null,
                  "marca": "Toyota",
                  "modelo": "Corolla",
                  "tipo": null,
                  "color": "Blanco",
                  "placas": "ABC-123",
                  "nombre_cliente": "Juan García",
                  "telefono_cliente": null,
                  "correo_cliente": null,
                  "dato1": null,
                  "dato1_fecha_hora": null,
                  "dato2": null,
                  "dato2_fecha_hora": null,
                  "dato3": null,
                  "dato3_fecha_hora": null,
                  "dato4": null,
                  "dato4_fecha_hora": null,
                  "comentarios_aseguradora": null,
                  "comentarios_aseguradora_fh": null,
                  "doc_orden_admision": null,
                  "doc_identificacion": null,
                  "doc_tarjeta_circulacion": null,
                  "doc_caratula_poliza": null,
                  "doc_carta_reparacion": null,
                  "doc_comprobante_deducible": null,
                  "doc_finiquito": null,
                  "doc_encuesta_servicio": null,
                  "estado": "Ingreso",
                  "ubicacion_almacenamiento": "Local",
                  "id_aseguradora": 1,
                  "creado_por": 2
                }
              }
            }
          },
          "400": {
            "description": "`no_siniestro` missing or blank, or a field of the wrong type (the message names the field).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "no_siniestro": {
                    "value": {"error": "El No. Siniestro es obligatorio"}
                  },
                  "wrong_type": {
                    "value": {"error": "El campo 'id_aseguradora' debe ser un número entero"}
                  },
                  "unknown_fk": {
                    "value": {"error": "El campo 'id_aseguradora' no corresponde a una aseguradora existente"}
                  },
                  "bad_date": {
                    "value": {"error": "El campo 'fecha_ingreso' debe ser una fecha válida (YYYY-MM-DD)"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdminOrOperator"},
          "409": {
            "description": "A record with that `no_siniestro` already exists.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "taken": {
                    "value": {"error": "Ya existe un expediente con ese No. Siniestro"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Database or internal server error.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno al crear expediente"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/expedientes/pendientes": {
      "get": {
        "operationId": "listExpedientesPendientes",
        "summary": "List expedientes pending cloud backup",
        "description": "Expedientes with estado `Salida` whose evidence is still `Local`. monitor.md §4.4.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Expedientes"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The list (summary form).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/ExpedienteResumen"}
                },
                "example": [
                  {
                    "no_siniestro": "SIN-2024-001",
                    "factura": "F-00123",
                    "orden": "OT-2024-045",
                    "asesor": "María López",
                    "fecha_ingreso": "2024-03-15T12:00:00.000Z",
                    "estado": "Restauracion",
                    "marca": "Toyota",
                    "placas": "ABC-123",
                    "tipo": "Sedán",
                    "color": "Blanco",
                    "modelo": "Corolla",
                    "nombre_cliente": "Juan García",
                    "telefono_cliente": "555-100-2000",
                    "aseguradora": {"id": 1, "nombre": "AXA"}
                  }
                ]
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error al obtener la lista de expedientes pendientes"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/expedientes/nube": {
      "get": {
        "operationId": "listExpedientesNube",
        "summary": "List expedientes backed up to the cloud",
        "description": "Expedientes whose evidence is in the cloud (`ubicacion_almacenamiento` = `Nube`). monitor.md §4.4.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Expedientes"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The list (summary form).",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/ExpedienteResumen"}
                },
                "example": [
                  {
                    "no_siniestro": "SIN-2024-001",
                    "factura": "F-00123",
                    "orden": "OT-2024-045",
                    "asesor": "María López",
                    "fecha_ingreso": "2024-03-15T12:00:00.000Z",
                    "estado": "Restauracion",
                    "marca": "Toyota",
                    "placas": "ABC-123",
                    "tipo": "Sedán",
                    "color": "Blanco",
                    "modelo": "Corolla",
                    "nombre_cliente": "Juan García",
                    "telefono_cliente": "555-100-2000",
                    "aseguradora": {"id": 1, "nombre": "AXA"}
                  }
                ]
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error al obtener la lista de expedientes en la nube"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/expedientes/aseguradoras": {
      "get": {
        "operationId": "listAseguradoras",
        "summary": "List insurers",
        "description": "monitor.md §4.4.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Expedientes"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Insurers ordered by name.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/Aseguradora"}
                },
                "example": [
                  {"id": 1, "nombre": "AXA"},
                  {"id": 2, "nombre": "HDI"},
                  {"id": 3, "nombre": "Qualitas"}
                ]
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error al obtener la lista de aseguradoras"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/expedientes/{no_siniestro}": {
      "parameters": [
        {
          "name": "no_siniestro",
          "in": "path",
          "required": true,
          "description": "The claim number of the expediente (e.g. `SIN-2024-001`).",
          "schema": {"type": "string"}
        }
      ],
      "get": {
        "operationId": "getExpediente",
        "summary": "Get an expediente with its relations",
        "description": "monitor.md §4.4. The static sub-paths `pendientes`, `nube` and `aseguradoras` win over `{no_siniestro}`.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Expedientes"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The expediente plus `aseguradora`, `historial_estado` (newest first, no user info) and `evidencia` (raw rows).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/ExpedienteDetalle"},
                "example": {
                  "no_siniestro": "SIN-2024-001",
                  "factura": "F-00123",
                  "orden": "OT-2024-045",
                  "asesor": "María López",
                  "fecha_ingreso": "2024-03-15T12:00:00.000Z",
                  "fecha_valuacion": "2024-03-18T12:00:00.000Z",
                  "fecha_autorizacion": "2024-03-20T12:00:00.000Z",
                  "fecha_pzas_completas": "2024-03-22T12:00:00.000Z",
                  "unidad_terminada": null,
                  "tecnico": "Carlos Pérez",
                  "mecanico": null,
                  "vehiculo": null,
                  "observaciones": "Daño lateral derecho severo.",
                  "marca": "Toyota",
                  "modelo": "Corolla",
                  "tipo": "Sedán",
                  "color": "Blanco",
                  "placas": "ABC-123",
                  "nombre_cliente": "Juan García",
                  "telefono_cliente": "555-100-2000",
                  "correo_cliente": "juan@example.com",
                  "dato1": null,
                  "dato1_fecha_hora": null,
                  "dato2": null,
                  "dato2_fecha_hora": null,
                  "dato3": null,
                  "dato3_fecha_hora": null,
                  "dato4": null,
                  "dato4_fecha_hora": null,
                  "comentarios_aseguradora": null,
                  "comentarios_aseguradora_fh": null,
                  "doc_orden_admision": true,
                  "doc_identificacion": true,
                  "doc_tarjeta_circulacion": true,
                  "doc_caratula_poliza": false,
                  "doc_carta_reparacion": false,
                  "doc_comprobante_deducible": null,
                  "doc_finiquito": null,
                  "doc_encuesta_servicio": null,
                  "estado": "Restauracion",
                  "ubicacion_almacenamiento": "Local",
                  "id_aseguradora": 1,
                  "creado_por": 2,
                  "aseguradora": {"id": 1, "nombre": "AXA"},
                  "historial_estado": [
                    {
                      "id": 2,
                      "no_siniestro": "SIN-2024-001",
                      "estado_anterior": "Ingreso",
                      "estado_nuevo": "Restauracion",
                      "fecha_cambio": "2024-03-20T18:15:00.000Z",
                      "cambiado_por": 1
                    },
                    {
                      "id": 1,
                      "no_siniestro": "SIN-2024-001",
                      "estado_anterior": null,
                      "estado_nuevo": "Ingreso",
                      "fecha_cambio": "2024-03-15T17:00:00.000Z",
                      "cambiado_por": 2
                    }
                  ],
                  "evidencia": [
                    {
                      "id": 7,
                      "no_siniestro": "SIN-2024-001",
                      "tipo": "evidencia",
                      "nombre_archivo": "frente.jpg",
                      "ruta": "/evidencias/40b53a61e4bebb6253d89a0ab79f9f44/093d21e463c91c5538a0f89cb38cffdb.jpg",
                      "fecha_carga": "2024-03-16T15:20:00.000Z",
                      "ubicacion_almacenamiento": "Local",
                      "subido_por": 2
                    }
                  ]
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "No record with that `no_siniestro`.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Expediente no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error al obtener el expediente"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "put": {
        "operationId": "updateExpediente",
        "summary": "Update an expediente",
        "description": "Seed 001, ruling M2. Send only the fields to change.\n\n**Auth:** Requires a token with role Administrador or Operador (Tecnico gets 403).",
        "tags": ["Expedientes"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/ExpedienteUpdate"},
              "example": {"tecnico": "Carlos Pérez", "fecha_pzas_completas": "2024-03-22"}
            }
          }
        },
        "responses": {
          "200": {
            "description": "The complete updated expediente as persisted (scalar fields, no relations).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Expediente"},
                "example": {
                  "no_siniestro": "SIN-2024-001",
                  "factura": "F-00123",
                  "orden": "OT-2024-045",
                  "asesor": "María López",
                  "fecha_ingreso": "2024-03-15T12:00:00.000Z",
                  "fecha_valuacion": "2024-03-18T12:00:00.000Z",
                  "fecha_autorizacion": "2024-03-20T12:00:00.000Z",
                  "fecha_pzas_completas": "2024-03-22T12:00:00.000Z",
                  "unidad_terminada": null,
                  "tecnico": "Carlos Pérez",
                  "mecanico": null,
                  "vehiculo": null,
                  "observaciones": "Daño lateral derecho severo.",
                  "marca": "Toyota",
                  "modelo": "Corolla",
                  "tipo": "Sedán",
                  "color": "Blanco",
                  "placas": "ABC-123",
                  "nombre_cliente": "Juan García",
                  "telefono_cliente": "555-100-2000",
                  "correo_cliente": "juan@example.com",
                  "dato1": null,
                  "dato1_fecha_hora": null,
                  "dato2": null,
                  "dato2_fecha_hora": null,
                  "dato3": null,
                  "dato3_fecha_hora": null,
                  "dato4": null,
                  "dato4_fecha_hora": null,
                  "comentarios_aseguradora": null,
                  "comentarios_aseguradora_fh": null,
                  "doc_orden_admision": true,
                  "doc_identificacion": true,
                  "doc_tarjeta_circulacion": true,
                  "doc_caratula_poliza": false,
                  "doc_carta_reparacion": false,
                  "doc_comprobante_deducible": null,
                  "doc_finiquito": null,
                  "doc_encuesta_servicio": null,
                  "estado": "Restauracion",
                  "ubicacion_almacenamiento": "Local",
                  "id_aseguradora": 1,
                  "creado_por": 2
                }
              }
            }
          },
          "400": {
            "description": "Path segment missing, or a field of the wrong type (the message names the field).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "no_siniestro": {
                    "value": {"error": "No. Siniestro requerido"}
                  },
                  "wrong_type": {
                    "value": {"error": "El campo 'doc_finiquito' debe ser verdadero o falso"}
                  },
                  "unknown_fk": {
                    "value": {"error": "El campo 'id_aseguradora' no corresponde a una aseguradora existente"}
                  },
                  "bad_date": {
                    "value": {"error": "El campo 'unidad_terminada' debe ser una fecha válida (YYYY-MM-DD)"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdminOrOperator"},
          "404": {
            "description": "No record with that `no_siniestro` exists.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Expediente no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Database or internal server error.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno al actualizar expediente"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "delete": {
        "operationId": "deleteExpediente",
        "summary": "Delete an expediente",
        "description": "monitor.md §4.4, ruling M6.\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Expedientes"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Deleted, with its historial, evidencias (rows and files), levantamientos, checklists and comentarios (ruling M6).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/DeletedExpediente"},
                "example": {"ok": true, "no_siniestro": "SIN-2024-001"}
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "404": {
            "description": "No such expediente.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Expediente no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno al eliminar expediente"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/expedientes/{no_siniestro}/estado": {
      "parameters": [
        {
          "name": "no_siniestro",
          "in": "path",
          "required": true,
          "description": "The claim number of the expediente (e.g. `SIN-2024-001`).",
          "schema": {"type": "string"}
        }
      ],
      "patch": {
        "operationId": "changeEstado",
        "summary": "Change the estado",
        "description": "monitor.md §4.5 and §5, ruling M4. Any transition between different estados is allowed; entering `Salida` requires `unidad_terminada` and a latest checklist with `fecha_entrega`. The change and its `historial_estado` row are written by one stored procedure.\n\n**Auth:** Requires a token with role Administrador or Operador (Tecnico gets 403).",
        "tags": ["Estado"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/CambioEstado"},
              "example": {"estado": "Restauracion"}
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated expediente (scalar fields).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Expediente"},
                "example": {
                  "no_siniestro": "SIN-2024-001",
                  "factura": "F-00123",
                  "orden": "OT-2024-045",
                  "asesor": "María López",
                  "fecha_ingreso": "2024-03-15T12:00:00.000Z",
                  "fecha_valuacion": "2024-03-18T12:00:00.000Z",
                  "fecha_autorizacion": "2024-03-20T12:00:00.000Z",
                  "fecha_pzas_completas": "2024-03-22T12:00:00.000Z",
                  "unidad_terminada": null,
                  "tecnico": "Carlos Pérez",
                  "mecanico": null,
                  "vehiculo": null,
                  "observaciones": "Daño lateral derecho severo.",
                  "marca": "Toyota",
                  "modelo": "Corolla",
                  "tipo": "Sedán",
                  "color": "Blanco",
                  "placas": "ABC-123",
                  "nombre_cliente": "Juan García",
                  "telefono_cliente": "555-100-2000",
                  "correo_cliente": "juan@example.com",
                  "dato1": null,
                  "dato1_fecha_hora": null,
                  "dato2": null,
                  "dato2_fecha_hora": null,
                  "dato3": null,
                  "dato3_fecha_hora": null,
                  "dato4": null,
                  "dato4_fecha_hora": null,
                  "comentarios_aseguradora": null,
                  "comentarios_aseguradora_fh": null,
                  "doc_orden_admision": true,
                  "doc_identificacion": true,
                  "doc_tarjeta_circulacion": true,
                  "doc_caratula_poliza": false,
                  "doc_carta_reparacion": false,
                  "doc_comprobante_deducible": null,
                  "doc_finiquito": null,
                  "doc_encuesta_servicio": null,
                  "estado": "Restauracion",
                  "ubicacion_almacenamiento": "Local",
                  "id_aseguradora": 1,
                  "creado_por": 2
                }
              }
            }
          },
          "400": {
            "description": "Invalid target or a precondition of `Salida` not met.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "invalid": {
                    "value": {
                      "error": "Estado inválido. Valores permitidos: Ingreso, Restauracion, Pendiente_de_salida, Salida"
                    }
                  },
                  "same": {
                    "value": {"error": "El expediente ya se encuentra en ese estado"}
                  },
                  "sin_unidad_terminada": {
                    "value": {"error": "Falta registrar la fecha de entrega del expediente"}
                  },
                  "sin_checklist": {
                    "value": {"error": "No existe checklist de salida para este expediente"}
                  },
                  "checklist_sin_fecha": {
                    "value": {"error": "Falta registrar la fecha de entrega en el checklist"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdminOrOperator"},
          "404": {
            "description": "No such expediente.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Expediente no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure (ruling M4).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno al cambiar el estado del expediente"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/expedientes/{no_siniestro}/estado/historial": {
      "parameters": [
        {
          "name": "no_siniestro",
          "in": "path",
          "required": true,
          "description": "The claim number of the expediente (e.g. `SIN-2024-001`).",
          "schema": {"type": "string"}
        }
      ],
      "get": {
        "operationId": "getHistorialEstado",
        "summary": "Estado history",
        "description": "monitor.md §4.5.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Estado"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The history, newest first, with the user who made each change.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/HistorialEstado"}
                },
                "example": [
                  {
                    "id": 2,
                    "no_siniestro": "SIN-2024-001",
                    "estado_anterior": "Ingreso",
                    "estado_nuevo": "Restauracion",
                    "fecha_cambio": "2024-03-20T18:15:00.000Z",
                    "cambiado_por": 1,
                    "usuario": {"id": 1, "nombre": "Admin", "username": "admin"}
                  }
                ]
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "No such expediente.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Expediente no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error al obtener el historial de estados"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/expedientes/{no_siniestro}/evidencias": {
      "parameters": [
        {
          "name": "no_siniestro",
          "in": "path",
          "required": true,
          "description": "The claim number of the expediente (e.g. `SIN-2024-001`).",
          "schema": {"type": "string"}
        }
      ],
      "post": {
        "operationId": "uploadEvidencia",
        "summary": "Upload an evidence file",
        "description": "monitor.md §4.6, ruling M7. The file is stored under an unguessable name after the database commit and served read-only by nginx at `ruta`.\n\n**Auth:** Requires a token with role Administrador or Operador (Tecnico gets 403).",
        "tags": ["Evidencias"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {"$ref": "#/components/schemas/EvidenciaUpload"},
              "encoding": {
                "archivo": {"contentType": "*/*"}
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The evidencia row.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Evidencia"},
                "example": {
                  "id": 7,
                  "no_siniestro": "SIN-2024-001",
                  "tipo": "evidencia",
                  "nombre_archivo": "frente.jpg",
                  "ruta": "/evidencias/40b53a61e4bebb6253d89a0ab79f9f44/093d21e463c91c5538a0f89cb38cffdb.jpg",
                  "fecha_carga": "2024-03-16T15:20:00.000Z",
                  "ubicacion_almacenamiento": "Local",
                  "subido_por": 2
                }
              }
            }
          },
          "400": {
            "description": "No file, a file under another field name, more than one file, or a malformed multipart body.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "no_file": {
                    "value": {"error": "No se recibió ningún archivo"}
                  },
                  "wrong_field": {
                    "value": {"error": "El archivo debe enviarse en el campo 'archivo'"}
                  },
                  "two_files": {
                    "value": {"error": "Solo se admite un archivo en el campo 'archivo'"}
                  },
                  "malformed": {
                    "value": {"error": "El cuerpo de la solicitud está mal formado"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdminOrOperator"},
          "404": {
            "description": "No such expediente.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Expediente no encontrado"}
                  }
                }
              }
            }
          },
          "413": {
            "description": "The file or the body exceeds the limit (50 MB).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "file_too_large": {
                    "value": {"error": "El archivo excede el tamaño máximo permitido de 50 MB"}
                  },
                  "body_too_large": {
                    "value": {"error": "El cuerpo de la solicitud excede el límite permitido"}
                  }
                }
              }
            }
          },
          "415": {
            "description": "Not a multipart body.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "unsupported": {
                    "value": {"error": "Tipo de contenido no soportado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno al registrar evidencia"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "get": {
        "operationId": "listEvidencias",
        "summary": "List evidence files",
        "description": "monitor.md §4.6.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Evidencias"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The evidencias, newest first; `[]` for an unknown expediente. `url_nube` is a presigned GET URL (900 s) for cloud files.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/Evidencia"}
                },
                "example": [
                  {
                    "id": 7,
                    "no_siniestro": "SIN-2024-001",
                    "tipo": "evidencia",
                    "nombre_archivo": "frente.jpg",
                    "ruta": "/evidencias/40b53a61e4bebb6253d89a0ab79f9f44/093d21e463c91c5538a0f89cb38cffdb.jpg",
                    "url_nube": null,
                    "key_nube": "/evidencias/40b53a61e4bebb6253d89a0ab79f9f44/093d21e463c91c5538a0f89cb38cffdb.jpg",
                    "ubicacion_almacenamiento": "Local",
                    "fecha_carga": "2024-03-16T15:20:00.000Z"
                  }
                ]
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error al obtener evidencias"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "delete": {
        "operationId": "deleteEvidenciasFolder",
        "summary": "Cancel a creation: delete the expediente's evidence folder",
        "description": "monitor.md §4.6. Removes the expediente's files on disk and the `Local` rows that pointed at them. An Operador may do it only while the expediente is in `Ingreso` (ruling M17); an Administrador always.\n\n**Auth:** Requires a token with role Administrador or Operador (Tecnico gets 403).",
        "tags": ["Evidencias"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Done (also when there was nothing to delete).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Ok"},
                "example": {"ok": true}
              }
            }
          },
          "400": {
            "description": "The path would escape the evidence directory.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "ruta": {
                    "value": {"error": "Ruta inválida"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"description": "The token's role is Tecnico, or an Operador's expediente is past `Ingreso`.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "examples": {"forbidden": {"value": {"error": "Acceso restringido a administradores y operadores"}}, "estado": {"value": {"error": "Solo un administrador puede eliminar las evidencias de un expediente fuera de Ingreso"}}}}}},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "No se pudo eliminar la carpeta"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/expedientes/{no_siniestro}/evidencias/{id}": {
      "parameters": [
        {
          "name": "no_siniestro",
          "in": "path",
          "required": true,
          "description": "The claim number of the expediente (e.g. `SIN-2024-001`).",
          "schema": {"type": "string"}
        },
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "Numeric id of the evidencia.",
          "schema": {"type": "integer", "format": "int32"}
        }
      ],
      "delete": {
        "operationId": "deleteEvidencia",
        "summary": "Delete an evidence file",
        "description": "monitor.md §4.6, ruling M8.\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Evidencias"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Deleted (row, local file and cloud copy). The message wording is the original's.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/DeletedEvidencia"},
                "example": {
                  "ok": true,
                  "mensaje": "Carpeta del expediente frente.jpg eliminada completamente",
                  "carpetaEliminada": "frente.jpg"
                }
              }
            }
          },
          "400": {
            "description": "The id is not a number.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "404": {
            "description": "No such evidencia.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Evidencia no encontrada"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno al eliminar evidencia"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/levantamientos": {
      "post": {
        "operationId": "createLevantamiento",
        "summary": "Create a levantamiento de daños",
        "description": "monitor.md §4.7. `conceptos` are created in the same transaction.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Levantamientos"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/LevantamientoCreate"},
              "example": {
                "no_siniestro": "SIN-2024-001",
                "fecha": "16/03/2024",
                "marca": "Toyota",
                "cristales": true,
                "conceptos": [
                  {"claves": "CF-01", "concepto": "Cambio de facia delantera", "costo": 3500}
                ]
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The levantamiento with its conceptos.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Levantamiento"},
                "example": {
                  "id": 5,
                  "no_siniestro": "SIN-2024-001",
                  "fecha": "2024-03-16T12:00:00.000Z",
                  "orden": "OT-2024-045",
                  "marca": "Toyota",
                  "tipo": "Sedán",
                  "modelo": "Corolla",
                  "placas": "ABC-123",
                  "kilometraje": "45000",
                  "no_puertas": "4",
                  "color": "Blanco",
                  "serie": "JTDBR32E520123456",
                  "eco": null,
                  "asegurado_tercero": "Asegurado",
                  "nombre_propietario": "Juan García",
                  "telefono": "555-100-2000",
                  "direccion": "Av. Siempre Viva 742, Aguascalientes",
                  "pega": null,
                  "cristales": true,
                  "aire": true,
                  "vestiduras": false,
                  "rin": true,
                  "direccion_veh": true,
                  "tipo_pintura": false,
                  "trasmision": true,
                  "levantamiento_concepto": [
                    {
                      "id": 11,
                      "id_levantamiento": 5,
                      "claves": "CF-01",
                      "concepto": "Cambio de facia delantera",
                      "costo": "3500.00"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Missing or unknown expediente, or a field of the wrong type (the message names the field).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "missing": {
                    "value": {"error": "no_siniestro es requerido"}
                  },
                  "unknown": {
                    "value": {"error": "No existe un expediente con ese no_siniestro"}
                  },
                  "bad_date": {
                    "value": {"error": "El campo 'fecha' debe ser una fecha válida (YYYY-MM-DD)"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "get": {
        "operationId": "listLevantamientos",
        "summary": "List levantamientos",
        "description": "monitor.md §4.7.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Levantamientos"],
        "security": [
          {"bearerAuth": []}
        ],
        "parameters": [
          {
            "name": "no_siniestro",
            "in": "query",
            "required": false,
            "description": "Only the levantamientos of this expediente.",
            "schema": {"type": "string"}
          }
        ],
        "responses": {
          "200": {
            "description": "All levantamientos (or those of one expediente), with conceptos, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/Levantamiento"}
                },
                "example": [
                  {
                    "id": 5,
                    "no_siniestro": "SIN-2024-001",
                    "fecha": "2024-03-16T12:00:00.000Z",
                    "orden": "OT-2024-045",
                    "marca": "Toyota",
                    "tipo": "Sedán",
                    "modelo": "Corolla",
                    "placas": "ABC-123",
                    "kilometraje": "45000",
                    "no_puertas": "4",
                    "color": "Blanco",
                    "serie": "JTDBR32E520123456",
                    "eco": null,
                    "asegurado_tercero": "Asegurado",
                    "nombre_propietario": "Juan García",
                    "telefono": "555-100-2000",
                    "direccion": "Av. Siempre Viva 742, Aguascalientes",
                    "pega": null,
                    "cristales": true,
                    "aire": true,
                    "vestiduras": false,
                    "rin": true,
                    "direccion_veh": true,
                    "tipo_pintura": false,
                    "trasmision": true,
                    "levantamiento_concepto": [
                      {
                        "id": 11,
                        "id_levantamiento": 5,
                        "claves": "CF-01",
                        "concepto": "Cambio de facia delantera",
                        "costo": "3500.00"
                      }
                    ]
                  }
                ]
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/levantamientos/siniestro/{no_siniestro}": {
      "parameters": [
        {
          "name": "no_siniestro",
          "in": "path",
          "required": true,
          "description": "The claim number of the expediente (e.g. `SIN-2024-001`).",
          "schema": {"type": "string"}
        }
      ],
      "get": {
        "operationId": "getLevantamientoBySiniestro",
        "summary": "Latest levantamiento of an expediente",
        "description": "monitor.md §4.7.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Levantamientos"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The latest (highest id) levantamiento, with conceptos.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Levantamiento"},
                "example": {
                  "id": 5,
                  "no_siniestro": "SIN-2024-001",
                  "fecha": "2024-03-16T12:00:00.000Z",
                  "orden": "OT-2024-045",
                  "marca": "Toyota",
                  "tipo": "Sedán",
                  "modelo": "Corolla",
                  "placas": "ABC-123",
                  "kilometraje": "45000",
                  "no_puertas": "4",
                  "color": "Blanco",
                  "serie": "JTDBR32E520123456",
                  "eco": null,
                  "asegurado_tercero": "Asegurado",
                  "nombre_propietario": "Juan García",
                  "telefono": "555-100-2000",
                  "direccion": "Av. Siempre Viva 742, Aguascalientes",
                  "pega": null,
                  "cristales": true,
                  "aire": true,
                  "vestiduras": false,
                  "rin": true,
                  "direccion_veh": true,
                  "tipo_pintura": false,
                  "trasmision": true,
                  "levantamiento_concepto": [
                    {
                      "id": 11,
                      "id_levantamiento": 5,
                      "claves": "CF-01",
                      "concepto": "Cambio de facia delantera",
                      "costo": "3500.00"
                    }
                  ]
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "None for this expediente.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "No existe levantamiento para este siniestro"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/levantamientos/{id}/costo-total": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "Numeric id of the levantamiento.",
          "schema": {"type": "integer", "format": "int32"}
        }
      ],
      "get": {
        "operationId": "getLevantamientoCostoTotal",
        "summary": "Total cost of a levantamiento",
        "description": "monitor.md §4.7.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Levantamientos"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Sum of the conceptos' `costo` (nulls count as 0).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/CostoTotal"},
                "example": {"id_levantamiento": 5, "total": 3500}
              }
            }
          },
          "400": {
            "description": "The id is not a number.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "id inválido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "No such levantamiento.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Levantamiento no encontrado"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/levantamientos/{id}": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "Numeric id of the levantamiento.",
          "schema": {"type": "integer", "format": "int32"}
        }
      ],
      "get": {
        "operationId": "getLevantamiento",
        "summary": "Get a levantamiento",
        "description": "monitor.md §4.7.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Levantamientos"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The levantamiento with conceptos and its expediente (scalar fields, or null).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/LevantamientoDetalle"},
                "example": {
                  "id": 5,
                  "no_siniestro": "SIN-2024-001",
                  "fecha": "2024-03-16T12:00:00.000Z",
                  "orden": "OT-2024-045",
                  "marca": "Toyota",
                  "tipo": "Sedán",
                  "modelo": "Corolla",
                  "placas": "ABC-123",
                  "kilometraje": "45000",
                  "no_puertas": "4",
                  "color": "Blanco",
                  "serie": "JTDBR32E520123456",
                  "eco": null,
                  "asegurado_tercero": "Asegurado",
                  "nombre_propietario": "Juan García",
                  "telefono": "555-100-2000",
                  "direccion": "Av. Siempre Viva 742, Aguascalientes",
                  "pega": null,
                  "cristales": true,
                  "aire": true,
                  "vestiduras": false,
                  "rin": true,
                  "direccion_veh": true,
                  "tipo_pintura": false,
                  "trasmision": true,
                  "levantamiento_concepto": [
                    {
                      "id": 11,
                      "id_levantamiento": 5,
                      "claves": "CF-01",
                      "concepto": "Cambio de facia delantera",
                      "costo": "3500.00"
                    }
                  ],
                  "expediente": {
                    "no_siniestro": "SIN-2024-001",
                    "factura": "F-00123",
                    "orden": "OT-2024-045",
                    "asesor": "María López",
                    "fecha_ingreso": "2024-03-15T12:00:00.000Z",
                    "fecha_valuacion": "2024-03-18T12:00:00.000Z",
                    "fecha_autorizacion": "2024-03-20T12:00:00.000Z",
                    "fecha_pzas_completas": "2024-03-22T12:00:00.000Z",
                    "unidad_terminada": null,
                    "tecnico": "Carlos Pérez",
                    "mecanico": null,
                    "vehiculo": null,
                    "observaciones": "Daño lateral derecho severo.",
                    "marca": "Toyota",
                    "modelo": "Corolla",
                    "tipo": "Sedán",
                    "color": "Blanco",
                    "placas": "ABC-123",
                    "nombre_cliente": "Juan García",
                    "telefono_cliente": "555-100-2000",
                    "correo_cliente": "juan@example.com",
                    "dato1": null,
                    "dato1_fecha_hora": null,
                    "dato2": null,
                    "dato2_fecha_hora": null,
                    "dato3": null,
                    "dato3_fecha_hora": null,
                    "dato4": null,
                    "dato4_fecha_hora": null,
                    "comentarios_aseguradora": null,
                    "comentarios_aseguradora_fh": null,
                    "doc_orden_admision": true,
                    "doc_identificacion": true,
                    "doc_tarjeta_circulacion": true,
                    "doc_caratula_poliza": false,
                    "doc_carta_reparacion": false,
                    "doc_comprobante_deducible": null,
                    "doc_finiquito": null,
                    "doc_encuesta_servicio": null,
                    "estado": "Restauracion",
                    "ubicacion_almacenamiento": "Local",
                    "id_aseguradora": 1,
                    "creado_por": 2
                  }
                }
              }
            }
          },
          "400": {
            "description": "The id is not a number.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "id inválido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "No such levantamiento.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Levantamiento no encontrado"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "put": {
        "operationId": "updateLevantamiento",
        "summary": "Update a levantamiento",
        "description": "monitor.md §4.7. Partial: an omitted key is unchanged, `null` clears (also `fecha`, ruling 5). `conceptos` is ignored here.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Levantamientos"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/LevantamientoUpdate"},
              "example": {"kilometraje": "45100", "pega": null}
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated levantamiento with conceptos.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Levantamiento"},
                "example": {
                  "id": 5,
                  "no_siniestro": "SIN-2024-001",
                  "fecha": "2024-03-16T12:00:00.000Z",
                  "orden": "OT-2024-045",
                  "marca": "Toyota",
                  "tipo": "Sedán",
                  "modelo": "Corolla",
                  "placas": "ABC-123",
                  "kilometraje": "45000",
                  "no_puertas": "4",
                  "color": "Blanco",
                  "serie": "JTDBR32E520123456",
                  "eco": null,
                  "asegurado_tercero": "Asegurado",
                  "nombre_propietario": "Juan García",
                  "telefono": "555-100-2000",
                  "direccion": "Av. Siempre Viva 742, Aguascalientes",
                  "pega": null,
                  "cristales": true,
                  "aire": true,
                  "vestiduras": false,
                  "rin": true,
                  "direccion_veh": true,
                  "tipo_pintura": false,
                  "trasmision": true,
                  "levantamiento_concepto": [
                    {
                      "id": 11,
                      "id_levantamiento": 5,
                      "claves": "CF-01",
                      "concepto": "Cambio de facia delantera",
                      "costo": "3500.00"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "description": "Bad id, a field of the wrong type or an unknown expediente.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "id inválido"}
                  },
                  "wrong_type": {
                    "value": {"error": "El campo 'cristales' debe ser verdadero o falso"}
                  },
                  "unknown_expediente": {
                    "value": {"error": "No existe un expediente con ese no_siniestro"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "No such levantamiento.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Levantamiento no encontrado"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "delete": {
        "operationId": "deleteLevantamiento",
        "summary": "Delete a levantamiento",
        "description": "monitor.md §4.7.\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Levantamientos"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Deleted with its conceptos.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Mensaje"},
                "example": {"mensaje": "Levantamiento y conceptos eliminados correctamente"}
              }
            }
          },
          "400": {
            "description": "The id is not a number.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "id inválido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "404": {
            "description": "No such levantamiento.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Levantamiento no encontrado"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/levantamientos/{id}/conceptos": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "Numeric id of the levantamiento.",
          "schema": {"type": "integer", "format": "int32"}
        }
      ],
      "post": {
        "operationId": "createConcepto",
        "summary": "Add a concepto to a levantamiento",
        "description": "monitor.md §4.7.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Levantamientos"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/ConceptoCreate"},
              "example": {"claves": "CF-01", "concepto": "Cambio de facia delantera", "costo": "3500.00"}
            }
          }
        },
        "responses": {
          "201": {
            "description": "The concepto.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Concepto"},
                "example": {
                  "id": 11,
                  "id_levantamiento": 5,
                  "claves": "CF-01",
                  "concepto": "Cambio de facia delantera",
                  "costo": "3500.00"
                }
              }
            }
          },
          "400": {
            "description": "Bad id, missing `concepto`, or a field of the wrong type.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "id inválido"}
                  },
                  "concepto": {
                    "value": {"error": "concepto es requerido"}
                  },
                  "wrong_type": {
                    "value": {"error": "El campo 'costo' debe ser un importe con a lo más 2 decimales"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "No such levantamiento.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Levantamiento no encontrado"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/levantamientos/conceptos/{id_concepto}": {
      "parameters": [
        {
          "name": "id_concepto",
          "in": "path",
          "required": true,
          "description": "Numeric id of the concepto.",
          "schema": {"type": "integer", "format": "int32"}
        }
      ],
      "delete": {
        "operationId": "deleteConcepto",
        "summary": "Delete a concepto",
        "description": "monitor.md §4.7.\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Levantamientos"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Deleted.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Mensaje"},
                "example": {"mensaje": "Concepto eliminado correctamente"}
              }
            }
          },
          "400": {
            "description": "The id is not a number.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "id_concepto inválido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "404": {
            "description": "No such concepto.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Concepto no encontrado"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/checklist": {
      "post": {
        "operationId": "createChecklist",
        "summary": "Create a checklist",
        "description": "monitor.md §4.8.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Checklist"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/ChecklistInput"},
              "example": {
                "no_siniestro": "SIN-2024-001",
                "fecha_inspeccion": "2024-05-07",
                "hora": "10:30",
                "inspeccionado_por": "tecnico",
                "aprobada": true
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The checklist row (no items).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Checklist"},
                "example": {
                  "id": 9,
                  "no_siniestro": "SIN-2024-001",
                  "fecha_inspeccion": "2024-05-07T12:00:00.000Z",
                  "hora": "1970-01-01T10:30:00.000Z",
                  "inspeccionado_por": "tecnico",
                  "ubicacion": "Patio 2",
                  "aprobada": true,
                  "detallado": false,
                  "carroceo_asignado": "Pedro Ruiz",
                  "mecanico_asignado": "Luis Torres",
                  "pintor": "Raúl Díaz",
                  "area_detallado": "Área 3",
                  "marca_tipo": "Toyota Corolla",
                  "anio": "2019",
                  "serie": "JTDBR32E520123456",
                  "areas_danadas": "Costado derecho",
                  "a": true,
                  "t": false,
                  "fecha_vencimiento_seguro": "2025-01-31T12:00:00.000Z",
                  "deducible": "5000.00",
                  "demerito": "0.00",
                  "lugar_entrega": "Aguascalientes",
                  "fecha_entrega": "2024-05-10T12:00:00.000Z",
                  "nombre_quien_recibe": "Juan García",
                  "firma_quien_recibe": "J. García",
                  "observaciones_adicionales": null
                }
              }
            }
          },
          "400": {
            "description": "A field of the wrong type, or an unknown expediente.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_time": {
                    "value": {"error": "El campo 'hora' debe ser una hora válida (HH:MM o HH:MM:SS)"}
                  },
                  "unknown_expediente": {
                    "value": {"error": "No existe un expediente con ese no_siniestro"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "get": {
        "operationId": "listChecklists",
        "summary": "List checklists",
        "description": "monitor.md §4.8.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Checklist"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Every checklist with its items, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/Checklist"}
                },
                "example": [
                  {
                    "id": 9,
                    "no_siniestro": "SIN-2024-001",
                    "fecha_inspeccion": "2024-05-07T12:00:00.000Z",
                    "hora": "1970-01-01T10:30:00.000Z",
                    "inspeccionado_por": "tecnico",
                    "ubicacion": "Patio 2",
                    "aprobada": true,
                    "detallado": false,
                    "carroceo_asignado": "Pedro Ruiz",
                    "mecanico_asignado": "Luis Torres",
                    "pintor": "Raúl Díaz",
                    "area_detallado": "Área 3",
                    "marca_tipo": "Toyota Corolla",
                    "anio": "2019",
                    "serie": "JTDBR32E520123456",
                    "areas_danadas": "Costado derecho",
                    "a": true,
                    "t": false,
                    "fecha_vencimiento_seguro": "2025-01-31T12:00:00.000Z",
                    "deducible": "5000.00",
                    "demerito": "0.00",
                    "lugar_entrega": "Aguascalientes",
                    "fecha_entrega": "2024-05-10T12:00:00.000Z",
                    "nombre_quien_recibe": "Juan García",
                    "firma_quien_recibe": "J. García",
                    "observaciones_adicionales": null,
                    "checklist_item": [
                      {
                        "id": 31,
                        "id_checklist": 9,
                        "sistema": "SISTEMA DE FRENO",
                        "nombre_item": "Liquido de freno",
                        "valor": "OK"
                      }
                    ]
                  }
                ]
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/checklist/siniestro/{no_siniestro}": {
      "parameters": [
        {
          "name": "no_siniestro",
          "in": "path",
          "required": true,
          "description": "The claim number of the expediente (e.g. `SIN-2024-001`).",
          "schema": {"type": "string"}
        }
      ],
      "get": {
        "operationId": "getChecklistBySiniestro",
        "summary": "Latest checklist of an expediente",
        "description": "monitor.md §4.8.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Checklist"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The latest (highest id) checklist with its items.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Checklist"},
                "example": {
                  "id": 9,
                  "no_siniestro": "SIN-2024-001",
                  "fecha_inspeccion": "2024-05-07T12:00:00.000Z",
                  "hora": "1970-01-01T10:30:00.000Z",
                  "inspeccionado_por": "tecnico",
                  "ubicacion": "Patio 2",
                  "aprobada": true,
                  "detallado": false,
                  "carroceo_asignado": "Pedro Ruiz",
                  "mecanico_asignado": "Luis Torres",
                  "pintor": "Raúl Díaz",
                  "area_detallado": "Área 3",
                  "marca_tipo": "Toyota Corolla",
                  "anio": "2019",
                  "serie": "JTDBR32E520123456",
                  "areas_danadas": "Costado derecho",
                  "a": true,
                  "t": false,
                  "fecha_vencimiento_seguro": "2025-01-31T12:00:00.000Z",
                  "deducible": "5000.00",
                  "demerito": "0.00",
                  "lugar_entrega": "Aguascalientes",
                  "fecha_entrega": "2024-05-10T12:00:00.000Z",
                  "nombre_quien_recibe": "Juan García",
                  "firma_quien_recibe": "J. García",
                  "observaciones_adicionales": null,
                  "checklist_item": [
                    {
                      "id": 31,
                      "id_checklist": 9,
                      "sistema": "SISTEMA DE FRENO",
                      "nombre_item": "Liquido de freno",
                      "valor": "OK"
                    }
                  ]
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "None for this expediente.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Checklist no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/checklist/{id}": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "Numeric id of the checklist.",
          "schema": {"type": "integer", "format": "int32"}
        }
      ],
      "get": {
        "operationId": "getChecklist",
        "summary": "Get a checklist",
        "description": "monitor.md §4.8.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Checklist"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "The checklist with its items.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Checklist"},
                "example": {
                  "id": 9,
                  "no_siniestro": "SIN-2024-001",
                  "fecha_inspeccion": "2024-05-07T12:00:00.000Z",
                  "hora": "1970-01-01T10:30:00.000Z",
                  "inspeccionado_por": "tecnico",
                  "ubicacion": "Patio 2",
                  "aprobada": true,
                  "detallado": false,
                  "carroceo_asignado": "Pedro Ruiz",
                  "mecanico_asignado": "Luis Torres",
                  "pintor": "Raúl Díaz",
                  "area_detallado": "Área 3",
                  "marca_tipo": "Toyota Corolla",
                  "anio": "2019",
                  "serie": "JTDBR32E520123456",
                  "areas_danadas": "Costado derecho",
                  "a": true,
                  "t": false,
                  "fecha_vencimiento_seguro": "2025-01-31T12:00:00.000Z",
                  "deducible": "5000.00",
                  "demerito": "0.00",
                  "lugar_entrega": "Aguascalientes",
                  "fecha_entrega": "2024-05-10T12:00:00.000Z",
                  "nombre_quien_recibe": "Juan García",
                  "firma_quien_recibe": "J. García",
                  "observaciones_adicionales": null,
                  "checklist_item": [
                    {
                      "id": 31,
                      "id_checklist": 9,
                      "sistema": "SISTEMA DE FRENO",
                      "nombre_item": "Liquido de freno",
                      "valor": "OK"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "description": "The id is not a positive number.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "No such checklist.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Checklist no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "put": {
        "operationId": "updateChecklist",
        "summary": "Update a checklist",
        "description": "monitor.md §4.8. Partial: an omitted key is unchanged, `null` clears (ruling 5).\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Checklist"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/ChecklistInput"},
              "example": {"fecha_entrega": "2024-05-10", "lugar_entrega": "Aguascalientes"}
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated checklist row (no items).",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Checklist"},
                "example": {
                  "id": 9,
                  "no_siniestro": "SIN-2024-001",
                  "fecha_inspeccion": "2024-05-07T12:00:00.000Z",
                  "hora": "1970-01-01T10:30:00.000Z",
                  "inspeccionado_por": "tecnico",
                  "ubicacion": "Patio 2",
                  "aprobada": true,
                  "detallado": false,
                  "carroceo_asignado": "Pedro Ruiz",
                  "mecanico_asignado": "Luis Torres",
                  "pintor": "Raúl Díaz",
                  "area_detallado": "Área 3",
                  "marca_tipo": "Toyota Corolla",
                  "anio": "2019",
                  "serie": "JTDBR32E520123456",
                  "areas_danadas": "Costado derecho",
                  "a": true,
                  "t": false,
                  "fecha_vencimiento_seguro": "2025-01-31T12:00:00.000Z",
                  "deducible": "5000.00",
                  "demerito": "0.00",
                  "lugar_entrega": "Aguascalientes",
                  "fecha_entrega": "2024-05-10T12:00:00.000Z",
                  "nombre_quien_recibe": "Juan García",
                  "firma_quien_recibe": "J. García",
                  "observaciones_adicionales": null
                }
              }
            }
          },
          "400": {
            "description": "Bad id, a field of the wrong type or an unknown expediente.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  },
                  "bad_date": {
                    "value": {"error": "El campo 'fecha_entrega' debe ser una fecha válida (YYYY-MM-DD)"}
                  },
                  "unknown_expediente": {
                    "value": {"error": "No existe un expediente con ese no_siniestro"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "No such checklist.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Checklist no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "delete": {
        "operationId": "deleteChecklist",
        "summary": "Delete a checklist",
        "description": "monitor.md §4.8.\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Checklist"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Deleted with its items.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Ok"},
                "example": {"ok": true}
              }
            }
          },
          "400": {
            "description": "The id is not a positive number.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "404": {
            "description": "No such checklist.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Checklist no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/checklist/{id}/items": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "Numeric id of the checklist.",
          "schema": {"type": "integer", "format": "int32"}
        }
      ],
      "post": {
        "operationId": "createChecklistItem",
        "summary": "Add an item to a checklist",
        "description": "monitor.md §4.8.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Checklist"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/ChecklistItemInput"},
              "example": {"sistema": "SISTEMA DE FRENO", "nombre_item": "Liquido de freno", "valor": "OK"}
            }
          }
        },
        "responses": {
          "201": {
            "description": "The item.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/ChecklistItem"},
                "example": {
                  "id": 31,
                  "id_checklist": 9,
                  "sistema": "SISTEMA DE FRENO",
                  "nombre_item": "Liquido de freno",
                  "valor": "OK"
                }
              }
            }
          },
          "400": {
            "description": "Bad id or a field of the wrong type.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  },
                  "wrong_type": {
                    "value": {"error": "El campo 'valor' debe ser texto"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "No such checklist.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Checklist no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/checklist/{id}/items/bulk": {
      "parameters": [
        {
          "name": "id",
          "in": "path",
          "required": true,
          "description": "Numeric id of the checklist.",
          "schema": {"type": "integer", "format": "int32"}
        }
      ],
      "put": {
        "operationId": "replaceChecklistItems",
        "summary": "Replace all items of a checklist",
        "description": "monitor.md §4.8, ruling 2: deletes every item and inserts the given ones in one transaction. Only `sistema`, `nombre_item` and `valor` of each item are kept.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Checklist"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/ChecklistBulkItems"},
              "example": {
                "items": [
                  {"sistema": "SISTEMA DE FRENO", "nombre_item": "Liquido de freno", "valor": "OK"}
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The new items, ordered by id.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/ChecklistItem"}
                },
                "example": [
                  {
                    "id": 31,
                    "id_checklist": 9,
                    "sistema": "SISTEMA DE FRENO",
                    "nombre_item": "Liquido de freno",
                    "valor": "OK"
                  }
                ]
              }
            }
          },
          "400": {
            "description": "Bad id or a field of the wrong type.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  },
                  "wrong_type": {
                    "value": {"error": "El campo 'items' debe ser una lista"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "No such checklist.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Checklist no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/checklist/items/{id_item}": {
      "parameters": [
        {
          "name": "id_item",
          "in": "path",
          "required": true,
          "description": "Numeric id of the checklist item.",
          "schema": {"type": "integer", "format": "int32"}
        }
      ],
      "delete": {
        "operationId": "deleteChecklistItem",
        "summary": "Delete a checklist item",
        "description": "monitor.md §4.8.\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Checklist"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Deleted.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Ok"},
                "example": {"ok": true}
              }
            }
          },
          "400": {
            "description": "The id is not a positive number.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "404": {
            "description": "No such item.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Item no encontrado"}
                  }
                }
              }
            }
          },
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/comentarios": {
      "post": {
        "operationId": "createComentario",
        "summary": "Add a comment to an expediente",
        "description": "monitor.md §4.9. `fecha` and `hora` are the wall-clock date and time in America/Mexico_City; `usuario_id` is the caller.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Comentarios"],
        "security": [
          {"bearerAuth": []}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"$ref": "#/components/schemas/ComentarioCreate"},
              "example": {"no_siniestro": "SIN-2024-001", "comentario": "Se solicitó la pieza al proveedor."}
            }
          }
        },
        "responses": {
          "201": {
            "description": "The comment with its author.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Comentario"},
                "example": {
                  "id": 3,
                  "no_siniestro": "SIN-2024-001",
                  "usuario_id": 2,
                  "fecha": "2024-03-16T12:00:00.000Z",
                  "hora": "1970-01-01T09:45:12.000Z",
                  "comentario": "Se solicitó la pieza al proveedor.",
                  "fecha_creacion": "2024-03-16T15:45:12.345Z",
                  "usuario": {"id": 2, "nombre": "Operador", "username": "operador"}
                }
              }
            }
          },
          "400": {
            "description": "Missing fields, unknown expediente, or a field of the wrong type.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "missing": {
                    "value": {"error": "no_siniestro y comentario son obligatorios"}
                  },
                  "unknown_expediente": {
                    "value": {"error": "No existe un expediente con ese no_siniestro"}
                  },
                  "malformed_json": {
                    "value": {"error": "El cuerpo de la solicitud no es JSON válido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/comentarios/{clave}": {
      "parameters": [
        {
          "name": "clave",
          "in": "path",
          "required": true,
          "description": "`GET`: the expediente's `no_siniestro`. `DELETE`: the comentario's numeric id. (monitor.md names them `:no_siniestro` and `:id`; one path position has one name.)",
          "schema": {"type": "string"}
        }
      ],
      "get": {
        "operationId": "listComentarios",
        "summary": "List the comments of an expediente",
        "description": "monitor.md §4.9. `{clave}` is the expediente's `no_siniestro`.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Comentarios"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Newest first; `[]` for an unknown expediente.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {"$ref": "#/components/schemas/Comentario"}
                },
                "example": [
                  {
                    "id": 3,
                    "no_siniestro": "SIN-2024-001",
                    "usuario_id": 2,
                    "fecha": "2024-03-16T12:00:00.000Z",
                    "hora": "1970-01-01T09:45:12.000Z",
                    "comentario": "Se solicitó la pieza al proveedor.",
                    "fecha_creacion": "2024-03-16T15:45:12.345Z",
                    "usuario": {"id": 2, "nombre": "Operador", "username": "operador"}
                  }
                ]
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "500": {
            "description": "Internal failure.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "internal": {
                    "value": {"error": "Error interno del servidor"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      },
      "delete": {
        "operationId": "deleteComentario",
        "summary": "Delete a comment",
        "description": "monitor.md §4.9. `{clave}` is the comentario's id (a positive integer).\n\n**Auth:** Requires a token with role Administrador.",
        "tags": ["Comentarios"],
        "security": [
          {"bearerAuth": []}
        ],
        "responses": {
          "200": {
            "description": "Deleted.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Ok"},
                "example": {"ok": true}
              }
            }
          },
          "400": {
            "description": "The id is not a positive number.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "bad_id": {
                    "value": {"error": "ID inválido"}
                  }
                }
              }
            }
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/ForbiddenAdmin"},
          "404": {
            "description": "No such comment.",
            "content": {
              "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "examples": {
                  "not_found": {
                    "value": {"error": "Comentario no encontrado"}
                  }
                }
              }
            }
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/formatos/{no_siniestro}": {
      "parameters": [
        {"name": "no_siniestro", "in": "path", "required": true, "description": "The claim number of the expediente (e.g. `SIN-2024-001`).", "schema": {"type": "string"}}
      ],
      "get": {
        "operationId": "getFormatoExpediente",
        "summary": "EXPEDIENTE form (.xlsx)",
        "description": "monitor.md §4.10, §7 and ruling M13. The expediente's form: its fields in the cells of §7 and the insurer's logo (AXA, HDI, Qualitas). The file is also stored in the expediente's `FORMATOS/` folder (replacing the previous copy), which the cloud backup uploads. Dates are printed as `d/m/yyyy` in America/Mexico_City, booleans as `X`.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Formatos"],
        "security": [{"bearerAuth": []}],
        "responses": {
          "200": {
            "description": "The form as an Excel workbook, downloaded as `EXPEDIENTE_<no_siniestro>.xlsx` (a `/`, a backslash or a control character of the claim number becomes `_`).",
            "headers": {
              "Content-Disposition": {"description": "`attachment; filename=\"EXPEDIENTE_<no_siniestro>.xlsx\"`, plus `filename*=UTF-8''…` when the name is not plain ASCII.", "schema": {"type": "string"}}
            },
            "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "Nothing to print for this claim number.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "examples": {"not_found": {"value": {"error": "Expediente no encontrado"}}}}}
          },
          "500": {
            "description": "The file could not be written.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "examples": {"failed": {"value": {"error": "Error interno al generar el formato"}}}}}
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/formatos/checklist/{no_siniestro}": {
      "parameters": [
        {"name": "no_siniestro", "in": "path", "required": true, "description": "The claim number of the expediente (e.g. `SIN-2024-001`).", "schema": {"type": "string"}}
      ],
      "get": {
        "operationId": "getFormatoChecklist",
        "summary": "CHECKLIST form (.xlsx)",
        "description": "monitor.md §4.10, §7 and ruling M13. The newest checklist of the expediente: its fields, and an X per item in the OK/RE/MA/NA column of its valor. The file is also stored in the expediente's `FORMATOS/` folder (replacing the previous copy), which the cloud backup uploads. Items outside the catalogue of §7 are skipped. Dates are printed as `d/m/yyyy` in America/Mexico_City, booleans as `X`.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Formatos"],
        "security": [{"bearerAuth": []}],
        "responses": {
          "200": {
            "description": "The form as an Excel workbook, downloaded as `CHECKLIST_<no_siniestro>.xlsx` (a `/`, a backslash or a control character of the claim number becomes `_`).",
            "headers": {
              "Content-Disposition": {"description": "`attachment; filename=\"CHECKLIST_<no_siniestro>.xlsx\"`, plus `filename*=UTF-8''…` when the name is not plain ASCII.", "schema": {"type": "string"}}
            },
            "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "Nothing to print for this claim number.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "examples": {"not_found": {"value": {"error": "Checklist no encontrado para este siniestro"}}}}}
          },
          "500": {
            "description": "The file could not be written.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "examples": {"failed": {"value": {"error": "Error interno al generar el checklist"}}}}}
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    },
    "/api/formatos/levantamiento/{no_siniestro}": {
      "parameters": [
        {"name": "no_siniestro", "in": "path", "required": true, "description": "The claim number of the expediente (e.g. `SIN-2024-001`).", "schema": {"type": "string"}}
      ],
      "get": {
        "operationId": "getFormatoLevantamiento",
        "summary": "LEVANTAMIENTO DE DAÑOS form (.xlsx)",
        "description": "monitor.md §4.10, §7 and ruling M13. The newest levantamiento of the expediente: its fields, X marks, and up to 104 concepts in order; L75 is their total (a formula with its value). The file is also stored in the expediente's `FORMATOS/` folder (replacing the previous copy), which the cloud backup uploads. Dates are printed as `d/m/yyyy` in America/Mexico_City, booleans as `X`.\n\n**Auth:** Requires a valid token (any role: Administrador, Operador or Tecnico).",
        "tags": ["Formatos"],
        "security": [{"bearerAuth": []}],
        "responses": {
          "200": {
            "description": "The form as an Excel workbook, downloaded as `LEVANTAMIENTO_<no_siniestro>.xlsx` (a `/`, a backslash or a control character of the claim number becomes `_`).",
            "headers": {
              "Content-Disposition": {"description": "`attachment; filename=\"LEVANTAMIENTO_<no_siniestro>.xlsx\"`, plus `filename*=UTF-8''…` when the name is not plain ASCII.", "schema": {"type": "string"}}
            },
            "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {
            "description": "Nothing to print for this claim number.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "examples": {"not_found": {"value": {"error": "Levantamiento de daños no encontrado para este siniestro"}}}}}
          },
          "500": {
            "description": "The file could not be written.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "examples": {"failed": {"value": {"error": "Error interno al generar el levantamiento"}}}}}
          },
          "503": {"$ref": "#/components/responses/ServiceUnavailable"}
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Error": {
        "type": "object",
        "description": "Every error of the Monitor API (ruling 1), including unknown routes (`404 Ruta no encontrada`, ruling M10), wrong methods (`405 Método no permitido`), oversized bodies (`413`), unsupported content types (`415`) and internal errors (`500 Error interno del servidor`).",
        "required": ["error"],
        "properties": {
          "error": {"type": "string", "description": "The message, in Spanish, matched byte for byte by clients."}
        },
        "additionalProperties": false,
        "example": {"error": "Ruta no encontrada"}
      },
      "Banner": {
        "type": "object",
        "required": ["nombre", "estado"],
        "properties": {
          "nombre": {"type": "string", "const": "Monitor API"},
          "estado": {"type": "string", "const": "OK"}
        }
      },
      "Discovery": {
        "type": "object",
        "required": ["nombre", "ips"],
        "properties": {
          "nombre": {"type": "string", "const": "Monitor API"},
          "ips": {
            "type": "array",
            "items": {"type": "string", "format": "ipv4"}
          }
        }
      },
      "Health": {
        "type": "object",
        "description": "monitor.md §4.3. Always returned with 200.",
        "required": ["ip", "backend", "database", "disco", "evidencias", "expedientes", "ram"],
        "properties": {
          "ip": {"type": "string", "description": "The caller's address."},
          "backend": {"type": "boolean", "const": true},
          "database": {"type": "boolean", "description": "Whether the database answered `SELECT 1`."},
          "disco": {
            "type": "object",
            "required": ["libre_GB", "usado_GB", "total_GB"],
            "properties": {
              "libre_GB": {"type": "string", "description": "Gigabytes with one decimal, as a string."},
              "usado_GB": {"type": "string", "description": "Gigabytes with one decimal, as a string."},
              "total_GB": {"type": "string", "description": "Gigabytes with one decimal, as a string."}
            }
          },
          "evidencias": {
            "type": "object",
            "required": ["archivos", "tamaño_MB"],
            "properties": {
              "archivos": {"type": "integer", "description": "Evidence files under the evidence directory, every folder walked (symbolic links not counted)."},
              "tamaño_MB": {"type": "string", "description": "Their total size in megabytes (MiB) with one decimal, as a string."}
            }
          },
          "expedientes": {"type": "integer", "description": "Number of expedientes (0 when the database does not answer)."},
          "ram": {
            "type": "object",
            "required": ["usada_MB", "total_MB"],
            "properties": {
              "usada_MB": {"type": "integer"},
              "total_MB": {"type": "integer"}
            }
          }
        }
      },
      "LoginRequest": {
        "type": "object",
        "required": ["username", "password"],
        "properties": {
          "username": {"type": "string", "description": "No whitespace."},
          "password": {"type": "string", "format": "password"}
        }
      },
      "LoginResponse": {
        "type": "object",
        "required": ["token", "usuario"],
        "properties": {
          "token": {
            "type": "string",
            "description": "JWT, HS256, expires after 8 h; send as `Authorization: Bearer <token>`."
          },
          "usuario": {"$ref": "#/components/schemas/Usuario"}
        }
      },
      "RegisterRequest": {
        "type": "object",
        "required": ["username", "password", "rol"],
        "properties": {
          "username": {"type": "string", "maxLength": 100, "description": "Unique, no whitespace."},
          "password": {"type": "string", "format": "password"},
          "rol": {
            "type": "string",
            "enum": ["Administrador", "Operador", "Tecnico", "Técnico"],
            "description": "`Técnico` is accepted and stored as `Tecnico` (ruling M5)."
          },
          "nombre": {"type": ["string", "null"], "maxLength": 255}
        }
      },
      "UsuarioUpdate": {
        "type": "object",
        "properties": {
          "nombre": {"type": ["string", "null"], "maxLength": 255, "description": "Applied whenever present; `null` clears."},
          "username": {"type": ["string", "null"], "maxLength": 100, "description": "Applied when non-empty; no whitespace."},
          "password": {"type": ["string", "null"], "format": "password", "description": "Applied (re-hashed) when non-empty."},
          "rol": {
            "type": ["string", "null"],
            "enum": ["Administrador", "Operador", "Tecnico", "Técnico", null],
            "description": "Applied when non-empty."
          }
        }
      },
      "Usuario": {
        "type": "object",
        "required": ["id", "nombre", "username", "rol"],
        "properties": {
          "id": {"type": "integer", "format": "int32"},
          "nombre": {"type": ["string", "null"]},
          "username": {"type": "string"},
          "rol": {"type": "string", "enum": ["Administrador", "Operador", "Tecnico"]}
        }
      },
      "UsuarioResumen": {
        "type": "object",
        "description": "The author of a change or comment.",
        "required": ["id", "nombre", "username"],
        "properties": {
          "id": {"type": "integer", "format": "int32"},
          "nombre": {"type": ["string", "null"]},
          "username": {"type": "string"}
        }
      },
      "DeletedUsuario": {
        "type": "object",
        "required": ["ok", "id"],
        "properties": {
          "ok": {"type": "boolean", "const": true},
          "id": {"type": "integer", "format": "int32"}
        }
      },
      "Aseguradora": {
        "type": "object",
        "required": ["id", "nombre"],
        "properties": {
          "id": {"type": "integer", "format": "int32"},
          "nombre": {"type": ["string", "null"]}
        }
      },
      "Expediente": {
        "type": "object",
        "description": "An expediente (insurance claim) as persisted: scalar fields only, no relations. Every field is always present (`null` when empty), `fecha_entrega` included, which sits before `unidad_terminada`; it is not listed as required only because the examples of seeds 000 and 001, quoted verbatim, predate it.",
        "required": [
          "no_siniestro",
          "factura",
          "orden",
          "asesor",
          "fecha_ingreso",
          "fecha_valuacion",
          "fecha_autorizacion",
          "fecha_pzas_completas",
          "unidad_terminada",
          "tecnico",
          "mecanico",
          "vehiculo",
          "observaciones",
          "marca",
          "modelo",
          "tipo",
          "color",
          "placas",
          "nombre_cliente",
          "telefono_cliente",
          "correo_cliente",
          "dato1",
          "dato1_fecha_hora",
          "dato2",
          "dato2_fecha_hora",
          "dato3",
          "dato3_fecha_hora",
          "dato4",
          "dato4_fecha_hora",
          "comentarios_aseguradora",
          "comentarios_aseguradora_fh",
          "doc_orden_admision",
          "doc_identificacion",
          "doc_tarjeta_circulacion",
          "doc_caratula_poliza",
          "doc_carta_reparacion",
          "doc_comprobante_deducible",
          "doc_finiquito",
          "doc_encuesta_servicio",
          "estado",
          "ubicacion_almacenamiento",
          "id_aseguradora",
          "creado_por"
        ],
        "properties": {
          "no_siniestro": {"type": "string", "maxLength": 100, "description": "Claim number, the primary key (trimmed on creation)."},
          "factura": {"type": ["string", "null"], "description": "Invoice number for the repair.", "maxLength": 255},
          "orden": {"type": ["string", "null"], "description": "Internal work-order reference.", "maxLength": 255},
          "asesor": {"type": ["string", "null"], "description": "Service advisor's name.", "maxLength": 255},
          "fecha_ingreso": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Date the vehicle entered the shop. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "fecha_valuacion": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Date the damage estimate was completed. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "fecha_autorizacion": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Date the insurer authorized the repair. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "fecha_pzas_completas": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Date all replacement parts arrived. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "fecha_entrega": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Delivery date (a column of the original, accepted on create and update by rulings M1/M2). Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "unidad_terminada": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Date the vehicle repair was finished (required before estado `Salida`). Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "tecnico": {"type": ["string", "null"], "description": "Body technician assigned to this unit.", "maxLength": 255},
          "mecanico": {"type": ["string", "null"], "description": "Mechanic assigned to this unit.", "maxLength": 255},
          "vehiculo": {"type": ["string", "null"], "description": "Free-text vehicle description (VIN, additional notes, etc.)."},
          "observaciones": {"type": ["string", "null"], "description": "General notes or observations about the repair."},
          "marca": {"type": ["string", "null"], "description": "Vehicle make (e.g. \"Toyota\").", "maxLength": 255},
          "modelo": {"type": ["string", "null"], "description": "Vehicle model (e.g. \"Corolla\").", "maxLength": 255},
          "tipo": {
            "type": ["string", "null"],
            "description": "Body type or trim level (e.g. \"Sedán\", \"SUV\").",
            "maxLength": 255
          },
          "color": {"type": ["string", "null"], "description": "Vehicle color (e.g. \"Blanco\").", "maxLength": 255},
          "placas": {"type": ["string", "null"], "description": "License plate number.", "maxLength": 255},
          "nombre_cliente": {
            "type": ["string", "null"],
            "description": "Full name of the policyholder / vehicle owner.",
            "maxLength": 255
          },
          "telefono_cliente": {"type": ["string", "null"], "description": "Client contact phone number.", "maxLength": 255},
          "correo_cliente": {"type": ["string", "null"], "description": "Client email address.", "maxLength": 255},
          "dato1": {"type": ["string", "null"], "description": "Custom tracking label slot 1.", "maxLength": 500},
          "dato1_fecha_hora": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Timestamp for dato1. ISO 8601 UTC with milliseconds (ruling M3)."
          },
          "dato2": {"type": ["string", "null"], "description": "Custom tracking label slot 2.", "maxLength": 500},
          "dato2_fecha_hora": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Timestamp for dato2. ISO 8601 UTC with milliseconds (ruling M3)."
          },
          "dato3": {"type": ["string", "null"], "description": "Custom tracking label slot 3.", "maxLength": 500},
          "dato3_fecha_hora": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Timestamp for dato3. ISO 8601 UTC with milliseconds (ruling M3)."
          },
          "dato4": {"type": ["string", "null"], "description": "Custom tracking label slot 4.", "maxLength": 500},
          "dato4_fecha_hora": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Timestamp for dato4. ISO 8601 UTC with milliseconds (ruling M3)."
          },
          "comentarios_aseguradora": {"type": ["string", "null"], "description": "Free-text notes exchanged with the insurer."},
          "comentarios_aseguradora_fh": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Timestamp of the latest insurer comment. ISO 8601 UTC with milliseconds (ruling M3)."
          },
          "doc_orden_admision": {"type": ["boolean", "null"], "description": "Admission work order received. `null` = not yet confirmed."},
          "doc_identificacion": {
            "type": ["boolean", "null"],
            "description": "Client government-issued ID received. `null` = not yet confirmed."
          },
          "doc_tarjeta_circulacion": {
            "type": ["boolean", "null"],
            "description": "Vehicle registration card received. `null` = not yet confirmed."
          },
          "doc_caratula_poliza": {
            "type": ["boolean", "null"],
            "description": "Insurance policy cover page received. `null` = not yet confirmed."
          },
          "doc_carta_reparacion": {
            "type": ["boolean", "null"],
            "description": "Repair authorization letter received. `null` = not yet confirmed."
          },
          "doc_comprobante_deducible": {
            "type": ["boolean", "null"],
            "description": "Deductible payment receipt received. `null` = not yet confirmed."
          },
          "doc_finiquito": {
            "type": ["boolean", "null"],
            "description": "Final settlement document received. `null` = not yet confirmed."
          },
          "doc_encuesta_servicio": {
            "type": ["boolean", "null"],
            "description": "Customer satisfaction survey completed. `null` = not yet confirmed."
          },
          "estado": {
            "type": "string",
            "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida"],
            "description": "Workflow status; `Ingreso` on creation, changed only by `PATCH /api/expedientes/{no_siniestro}/estado`."
          },
          "ubicacion_almacenamiento": {"type": "string", "enum": ["Local", "Nube"], "description": "Where the evidence lives; server-managed."},
          "id_aseguradora": {
            "type": ["integer", "null"],
            "format": "int32",
            "description": "Insurer id (see `GET /api/expedientes/aseguradoras`)."
          },
          "creado_por": {
            "type": ["integer", "null"],
            "format": "int32",
            "description": "Id of the user who created the expediente (from the token)."
          }
        }
      },
      "ExpedienteCreate": {
        "type": "object",
        "description": "Body of `POST /api/expedientes` (seed 000, ruling M1). Only `no_siniestro` is required. `estado`, `creado_por`, `ubicacion_almacenamiento` and unknown keys are ignored. A value of the wrong type is a 400 naming the field.",
        "required": ["no_siniestro"],
        "properties": {
          "no_siniestro": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100,
            "description": "Unique claim identifier that becomes the primary key (e.g. \"SIN-2024-001\"). Leading and trailing whitespace is trimmed. 400 if blank, 409 if already taken."
          },
          "factura": {"type": ["string", "null"], "description": "Invoice number for the repair.", "maxLength": 255},
          "orden": {"type": ["string", "null"], "description": "Internal work-order reference.", "maxLength": 255},
          "asesor": {"type": ["string", "null"], "description": "Service advisor's name.", "maxLength": 255},
          "fecha_ingreso": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Date the vehicle entered the shop. Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` = not set; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "fecha_valuacion": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Date the damage estimate was completed. Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` = not set; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "fecha_autorizacion": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Date the insurer authorized the repair. Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` = not set; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "fecha_pzas_completas": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Date all replacement parts arrived. Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` = not set; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "fecha_entrega": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Delivery date (a column of the original, accepted on create and update by rulings M1/M2). Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` = not set; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "unidad_terminada": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Date the vehicle repair was finished (required before estado `Salida`). Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` = not set; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "tecnico": {"type": ["string", "null"], "description": "Body technician assigned to this unit.", "maxLength": 255},
          "mecanico": {"type": ["string", "null"], "description": "Mechanic assigned to this unit.", "maxLength": 255},
          "vehiculo": {"type": ["string", "null"], "description": "Free-text vehicle description (VIN, additional notes, etc.)."},
          "observaciones": {"type": ["string", "null"], "description": "General notes or observations about the repair."},
          "marca": {"type": ["string", "null"], "description": "Vehicle make (e.g. \"Toyota\").", "maxLength": 255},
          "modelo": {"type": ["string", "null"], "description": "Vehicle model (e.g. \"Corolla\").", "maxLength": 255},
          "tipo": {
            "type": ["string", "null"],
            "description": "Body type or trim level (e.g. \"Sedán\", \"SUV\").",
            "maxLength": 255
          },
          "color": {"type": ["string", "null"], "description": "Vehicle color (e.g. \"Blanco\").", "maxLength": 255},
          "placas": {"type": ["string", "null"], "description": "License plate number.", "maxLength": 255},
          "nombre_cliente": {
            "type": ["string", "null"],
            "description": "Full name of the policyholder / vehicle owner.",
            "maxLength": 255
          },
          "telefono_cliente": {"type": ["string", "null"], "description": "Client contact phone number.", "maxLength": 255},
          "correo_cliente": {"type": ["string", "null"], "description": "Client email address.", "maxLength": 255},
          "dato1": {"type": ["string", "null"], "description": "Custom tracking label slot 1.", "maxLength": 500},
          "dato1_fecha_hora": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Timestamp for dato1. ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3). `null` = not set; `\"\"` or any other form is a 400 naming the field (ruling M11)."
          },
          "dato2": {"type": ["string", "null"], "description": "Custom tracking label slot 2.", "maxLength": 500},
          "dato2_fecha_hora": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Timestamp for dato2. ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3). `null` = not set; `\"\"` or any other form is a 400 naming the field (ruling M11)."
          },
          "dato3": {"type": ["string", "null"], "description": "Custom tracking label slot 3.", "maxLength": 500},
          "dato3_fecha_hora": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Timestamp for dato3. ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3). `null` = not set; `\"\"` or any other form is a 400 naming the field (ruling M11)."
          },
          "dato4": {"type": ["string", "null"], "description": "Custom tracking label slot 4.", "maxLength": 500},
          "dato4_fecha_hora": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Timestamp for dato4. ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3). `null` = not set; `\"\"` or any other form is a 400 naming the field (ruling M11)."
          },
          "comentarios_aseguradora": {"type": ["string", "null"], "description": "Free-text notes exchanged with the insurer."},
          "comentarios_aseguradora_fh": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Timestamp of the latest insurer comment. ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3). `null` = not set; `\"\"` or any other form is a 400 naming the field (ruling M11)."
          },
          "doc_orden_admision": {
            "type": ["boolean", "null"],
            "description": "Admission work order received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_identificacion": {
            "type": ["boolean", "null"],
            "description": "Client government-issued ID received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_tarjeta_circulacion": {
            "type": ["boolean", "null"],
            "description": "Vehicle registration card received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_caratula_poliza": {
            "type": ["boolean", "null"],
            "description": "Insurance policy cover page received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_carta_reparacion": {
            "type": ["boolean", "null"],
            "description": "Repair authorization letter received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_comprobante_deducible": {
            "type": ["boolean", "null"],
            "description": "Deductible payment receipt received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_finiquito": {
            "type": ["boolean", "null"],
            "description": "Final settlement document received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_encuesta_servicio": {
            "type": ["boolean", "null"],
            "description": "Customer satisfaction survey completed. Omit or send `null` for \"not yet confirmed\"."
          },
          "id_aseguradora": {
            "type": ["integer", "null"],
            "format": "int32",
            "description": "Foreign key referencing the aseguradora table. Use `GET /api/expedientes/aseguradoras` to look up valid IDs. An unknown id is a 4xx naming the field."
          }
        }
      },
      "ExpedienteUpdate": {
        "type": "object",
        "description": "Body of `PUT /api/expedientes/{no_siniestro}` (seed 001, ruling M2). Send any subset: an omitted key is unchanged, `null` clears. `estado` is stripped silently; `no_siniestro`, `creado_por`, `ubicacion_almacenamiento` and unknown keys are ignored. A value of the wrong type is a 400 naming the field.",
        "properties": {
          "factura": {
            "type": ["string", "null"],
            "description": "Invoice number for the repair. `null` clears.",
            "maxLength": 255
          },
          "orden": {
            "type": ["string", "null"],
            "description": "Internal work-order reference. `null` clears.",
            "maxLength": 255
          },
          "asesor": {"type": ["string", "null"], "description": "Service advisor's name. `null` clears.", "maxLength": 255},
          "fecha_ingreso": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Date the vehicle entered the shop. Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "fecha_valuacion": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Date the damage estimate was completed. Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "fecha_autorizacion": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Date the insurer authorized the repair. Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "fecha_pzas_completas": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Date all replacement parts arrived. Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "fecha_entrega": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Delivery date (a column of the original, accepted on create and update by rulings M1/M2). Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "unidad_terminada": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Date the vehicle repair was finished (required before estado `Salida`). Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "tecnico": {
            "type": ["string", "null"],
            "description": "Body technician assigned to this unit. `null` clears.",
            "maxLength": 255
          },
          "mecanico": {
            "type": ["string", "null"],
            "description": "Mechanic assigned to this unit. `null` clears.",
            "maxLength": 255
          },
          "vehiculo": {
            "type": ["string", "null"],
            "description": "Free-text vehicle description (VIN, additional notes, etc.). `null` clears."
          },
          "observaciones": {
            "type": ["string", "null"],
            "description": "General notes or observations about the repair. `null` clears."
          },
          "marca": {
            "type": ["string", "null"],
            "description": "Vehicle make (e.g. \"Toyota\"). `null` clears.",
            "maxLength": 255
          },
          "modelo": {
            "type": ["string", "null"],
            "description": "Vehicle model (e.g. \"Corolla\"). `null` clears.",
            "maxLength": 255
          },
          "tipo": {
            "type": ["string", "null"],
            "description": "Body type or trim level (e.g. \"Sedán\", \"SUV\"). `null` clears.",
            "maxLength": 255
          },
          "color": {
            "type": ["string", "null"],
            "description": "Vehicle color (e.g. \"Blanco\"). `null` clears.",
            "maxLength": 255
          },
          "placas": {"type": ["string", "null"], "description": "License plate number. `null` clears.", "maxLength": 255},
          "nombre_cliente": {
            "type": ["string", "null"],
            "description": "Full name of the policyholder / vehicle owner. `null` clears.",
            "maxLength": 255
          },
          "telefono_cliente": {
            "type": ["string", "null"],
            "description": "Client contact phone number. `null` clears.",
            "maxLength": 255
          },
          "correo_cliente": {"type": ["string", "null"], "description": "Client email address. `null` clears.", "maxLength": 255},
          "dato1": {
            "type": ["string", "null"],
            "description": "Custom tracking label slot 1. `null` clears.",
            "maxLength": 500
          },
          "dato1_fecha_hora": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Timestamp for dato1. ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3). `null` clears; `\"\"` or any other form is a 400 naming the field (ruling M11)."
          },
          "dato2": {
            "type": ["string", "null"],
            "description": "Custom tracking label slot 2. `null` clears.",
            "maxLength": 500
          },
          "dato2_fecha_hora": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Timestamp for dato2. ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3). `null` clears; `\"\"` or any other form is a 400 naming the field (ruling M11)."
          },
          "dato3": {
            "type": ["string", "null"],
            "description": "Custom tracking label slot 3. `null` clears.",
            "maxLength": 500
          },
          "dato3_fecha_hora": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Timestamp for dato3. ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3). `null` clears; `\"\"` or any other form is a 400 naming the field (ruling M11)."
          },
          "dato4": {
            "type": ["string", "null"],
            "description": "Custom tracking label slot 4. `null` clears.",
            "maxLength": 500
          },
          "dato4_fecha_hora": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Timestamp for dato4. ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3). `null` clears; `\"\"` or any other form is a 400 naming the field (ruling M11)."
          },
          "comentarios_aseguradora": {"type": ["string", "null"], "description": "Free-text notes exchanged with the insurer. `null` clears."},
          "comentarios_aseguradora_fh": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Timestamp of the latest insurer comment. ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3). `null` clears; `\"\"` or any other form is a 400 naming the field (ruling M11)."
          },
          "doc_orden_admision": {
            "type": ["boolean", "null"],
            "description": "Admission work order received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_identificacion": {
            "type": ["boolean", "null"],
            "description": "Client government-issued ID received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_tarjeta_circulacion": {
            "type": ["boolean", "null"],
            "description": "Vehicle registration card received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_caratula_poliza": {
            "type": ["boolean", "null"],
            "description": "Insurance policy cover page received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_carta_reparacion": {
            "type": ["boolean", "null"],
            "description": "Repair authorization letter received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_comprobante_deducible": {
            "type": ["boolean", "null"],
            "description": "Deductible payment receipt received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_finiquito": {
            "type": ["boolean", "null"],
            "description": "Final settlement document received. Omit or send `null` for \"not yet confirmed\"."
          },
          "doc_encuesta_servicio": {
            "type": ["boolean", "null"],
            "description": "Customer satisfaction survey completed. Omit or send `null` for \"not yet confirmed\"."
          },
          "id_aseguradora": {
            "type": ["integer", "null"],
            "format": "int32",
            "description": "Reassign the expediente to a different insurer. An unknown id is a 4xx naming the field."
          }
        }
      },
      "ExpedienteResumen": {
        "type": "object",
        "description": "The list form of an expediente (monitor.md §4.4).",
        "required": [
          "no_siniestro",
          "factura",
          "orden",
          "asesor",
          "fecha_ingreso",
          "estado",
          "marca",
          "placas",
          "tipo",
          "color",
          "modelo",
          "nombre_cliente",
          "telefono_cliente",
          "aseguradora"
        ],
        "properties": {
          "no_siniestro": {"type": "string"},
          "factura": {"type": ["string", "null"]},
          "orden": {"type": ["string", "null"]},
          "asesor": {"type": ["string", "null"]},
          "fecha_ingreso": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Date the vehicle entered the shop. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "estado": {"type": "string", "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida"]},
          "marca": {"type": ["string", "null"]},
          "placas": {"type": ["string", "null"]},
          "tipo": {"type": ["string", "null"]},
          "color": {"type": ["string", "null"]},
          "modelo": {"type": ["string", "null"]},
          "nombre_cliente": {"type": ["string", "null"]},
          "telefono_cliente": {"type": ["string", "null"]},
          "aseguradora": {
            "oneOf": [
              {"$ref": "#/components/schemas/Aseguradora"},
              {"type": "null"}
            ]
          }
        }
      },
      "ExpedienteDetalle": {
        "description": "An expediente with its insurer, estado history and evidence rows.",
        "allOf": [
          {"$ref": "#/components/schemas/Expediente"},
          {
            "type": "object",
            "required": ["aseguradora", "historial_estado", "evidencia"],
            "properties": {
              "aseguradora": {
                "oneOf": [
                  {"$ref": "#/components/schemas/Aseguradora"},
                  {"type": "null"}
                ]
              },
              "historial_estado": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/HistorialEstado"}
              },
              "evidencia": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Evidencia"}
              }
            }
          }
        ]
      },
      "DeletedExpediente": {
        "type": "object",
        "required": ["ok", "no_siniestro"],
        "properties": {
          "ok": {"type": "boolean", "const": true},
          "no_siniestro": {"type": "string"}
        }
      },
      "CambioEstado": {
        "type": "object",
        "required": ["estado"],
        "properties": {
          "estado": {"type": "string", "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida"]}
        }
      },
      "HistorialEstado": {
        "type": "object",
        "required": ["id", "no_siniestro", "estado_anterior", "estado_nuevo", "fecha_cambio", "cambiado_por"],
        "properties": {
          "id": {"type": "integer", "format": "int32"},
          "no_siniestro": {"type": "string"},
          "estado_anterior": {
            "type": ["string", "null"],
            "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida", null],
            "description": "`null` only for the creation row."
          },
          "estado_nuevo": {"type": "string", "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida"]},
          "fecha_cambio": {"type": "string", "format": "date-time", "description": "ISO 8601 UTC with milliseconds."},
          "cambiado_por": {"type": ["integer", "null"], "format": "int32"},
          "usuario": {
            "description": "Present in `GET …/estado/historial` only.",
            "oneOf": [
              {"$ref": "#/components/schemas/UsuarioResumen"},
              {"type": "null"}
            ]
          }
        }
      },
      "Evidencia": {
        "type": "object",
        "required": ["id", "no_siniestro", "tipo", "nombre_archivo", "ruta", "fecha_carga", "ubicacion_almacenamiento"],
        "properties": {
          "id": {"type": "integer", "format": "int32"},
          "no_siniestro": {"type": "string"},
          "tipo": {"type": ["string", "null"], "description": "`documento` or `evidencia`."},
          "nombre_archivo": {"type": ["string", "null"], "description": "The name the client uploaded (display only)."},
          "ruta": {
            "type": ["string", "null"],
            "description": "`/evidencias/<folder>/<random name>` (served read-only by nginx, ruling M7) while Local; the object key once in the cloud."
          },
          "url_nube": {
            "type": ["string", "null"],
            "format": "uri",
            "description": "List only: presigned GET URL (900 s) when the file is in the cloud, else null."
          },
          "key_nube": {"type": ["string", "null"], "description": "List only: equals `ruta`."},
          "ubicacion_almacenamiento": {"type": "string", "enum": ["Local", "Nube"]},
          "fecha_carga": {"type": "string", "format": "date-time", "description": "ISO 8601 UTC with milliseconds."},
          "subido_por": {
            "type": ["integer", "null"],
            "format": "int32",
            "description": "Uploader's user id (rows in the expediente detail and the upload answer)."
          }
        }
      },
      "EvidenciaUpload": {
        "type": "object",
        "required": ["archivo"],
        "properties": {
          "archivo": {
            "type": "string",
            "contentMediaType": "application/octet-stream",
            "description": "The file (any type, at most 50 MB)."
          },
          "tipo": {
            "type": "string",
            "description": "`documento` for a repair document; anything else (or absent) is stored as `evidencia`."
          }
        }
      },
      "DeletedEvidencia": {
        "type": "object",
        "required": ["ok", "mensaje", "carpetaEliminada"],
        "properties": {
          "ok": {"type": "boolean", "const": true},
          "mensaje": {"type": "string"},
          "carpetaEliminada": {"type": "string"}
        }
      },
      "ConceptoInput": {
        "type": "object",
        "description": "Any other key is a 400 naming it (ruling 1, monitor.md §9).",
        "additionalProperties": false,
        "properties": {
          "claves": {"type": ["string", "null"], "maxLength": 255},
          "concepto": {"type": ["string", "null"], "maxLength": 1000},
          "costo": {
            "type": ["number", "string", "null"],
            "description": "Amount with at most 2 decimals (number or numeric string)."
          }
        }
      },
      "ConceptoCreate": {
        "allOf": [
          {"$ref": "#/components/schemas/ConceptoInput"},
          {
            "type": "object",
            "required": ["concepto"],
            "properties": {
              "concepto": {"type": "string", "minLength": 1}
            }
          }
        ]
      },
      "Concepto": {
        "type": "object",
        "required": ["id", "id_levantamiento", "claves", "concepto", "costo"],
        "properties": {
          "id": {"type": "integer", "format": "int32"},
          "id_levantamiento": {"type": "integer", "format": "int32"},
          "claves": {"type": ["string", "null"]},
          "concepto": {"type": ["string", "null"]},
          "costo": {
            "type": ["string", "null"],
            "description": "Decimal as a string, e.g. `\"3500.00\"`.",
            "pattern": "^-?\\d+\\.\\d{2}$"
          }
        }
      },
      "Levantamiento": {
        "type": "object",
        "description": "A levantamiento de daños (damage survey) with its cost lines.",
        "required": [
          "id",
          "no_siniestro",
          "fecha",
          "orden",
          "marca",
          "tipo",
          "modelo",
          "placas",
          "kilometraje",
          "no_puertas",
          "color",
          "serie",
          "eco",
          "asegurado_tercero",
          "nombre_propietario",
          "telefono",
          "direccion",
          "pega",
          "cristales",
          "aire",
          "vestiduras",
          "rin",
          "direccion_veh",
          "tipo_pintura",
          "trasmision",
          "levantamiento_concepto"
        ],
        "properties": {
          "id": {"type": "integer", "format": "int32"},
          "no_siniestro": {"type": ["string", "null"]},
          "fecha": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Survey date. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "orden": {"type": ["string", "null"], "maxLength": 255},
          "marca": {"type": ["string", "null"], "maxLength": 255},
          "tipo": {"type": ["string", "null"], "maxLength": 255},
          "modelo": {"type": ["string", "null"], "maxLength": 255},
          "placas": {"type": ["string", "null"], "maxLength": 255},
          "kilometraje": {"type": ["string", "null"], "maxLength": 255},
          "no_puertas": {"type": ["string", "null"], "maxLength": 255},
          "color": {"type": ["string", "null"], "maxLength": 255},
          "serie": {"type": ["string", "null"], "maxLength": 255},
          "eco": {"type": ["string", "null"], "maxLength": 255},
          "asegurado_tercero": {"type": ["string", "null"], "maxLength": 255},
          "nombre_propietario": {"type": ["string", "null"], "maxLength": 255},
          "telefono": {"type": ["string", "null"], "maxLength": 255},
          "direccion": {"type": ["string", "null"], "maxLength": 500},
          "pega": {"type": ["string", "null"], "maxLength": 255},
          "cristales": {"type": ["boolean", "null"]},
          "aire": {"type": ["boolean", "null"]},
          "vestiduras": {"type": ["boolean", "null"]},
          "rin": {"type": ["boolean", "null"]},
          "direccion_veh": {"type": ["boolean", "null"]},
          "tipo_pintura": {"type": ["boolean", "null"]},
          "trasmision": {"type": ["boolean", "null"]},
          "levantamiento_concepto": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/Concepto"}
          }
        }
      },
      "LevantamientoDetalle": {
        "allOf": [
          {"$ref": "#/components/schemas/Levantamiento"},
          {
            "type": "object",
            "required": ["expediente"],
            "properties": {
              "expediente": {
                "oneOf": [
                  {"$ref": "#/components/schemas/Expediente"},
                  {"type": "null"}
                ]
              }
            }
          }
        ]
      },
      "LevantamientoCreate": {
        "type": "object",
        "description": "Any other key is a 400 naming it (ruling 1, monitor.md §9).",
        "additionalProperties": false,
        "required": ["no_siniestro"],
        "properties": {
          "no_siniestro": {"type": "string", "maxLength": 100, "description": "The expediente (must exist)."},
          "fecha": {
            "type": ["string", "null"],
            "minLength": 1,
            "description": "`YYYY-MM-DD`, `DD/MM/YYYY` or an ISO date-time (ruling M9). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "orden": {"type": ["string", "null"], "maxLength": 255},
          "marca": {"type": ["string", "null"], "maxLength": 255},
          "tipo": {"type": ["string", "null"], "maxLength": 255},
          "modelo": {"type": ["string", "null"], "maxLength": 255},
          "placas": {"type": ["string", "null"], "maxLength": 255},
          "kilometraje": {"type": ["string", "null"], "maxLength": 255},
          "no_puertas": {"type": ["string", "null"], "maxLength": 255},
          "color": {"type": ["string", "null"], "maxLength": 255},
          "serie": {"type": ["string", "null"], "maxLength": 255},
          "eco": {"type": ["string", "null"], "maxLength": 255},
          "asegurado_tercero": {"type": ["string", "null"], "maxLength": 255},
          "nombre_propietario": {"type": ["string", "null"], "maxLength": 255},
          "telefono": {"type": ["string", "null"], "maxLength": 255},
          "direccion": {"type": ["string", "null"], "maxLength": 500},
          "pega": {"type": ["string", "null"], "maxLength": 255},
          "cristales": {"type": ["boolean", "null"]},
          "aire": {"type": ["boolean", "null"]},
          "vestiduras": {"type": ["boolean", "null"]},
          "rin": {"type": ["boolean", "null"]},
          "direccion_veh": {"type": ["boolean", "null"]},
          "tipo_pintura": {"type": ["boolean", "null"]},
          "trasmision": {"type": ["boolean", "null"]},
          "conceptos": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/ConceptoInput"}
          }
        }
      },
      "LevantamientoUpdate": {
        "type": "object",
        "description": "Partial update; `conceptos` is ignored (§4.7), any other unknown key is a 400 naming it (ruling 1, monitor.md §9).",
        "additionalProperties": false,
        "properties": {
          "conceptos": {"description": "Ignored on update (§4.7)."},
          "fecha": {
            "type": ["string", "null"],
            "minLength": 1,
            "description": "`YYYY-MM-DD`, `DD/MM/YYYY` or an ISO date-time (ruling M9). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "orden": {"type": ["string", "null"], "maxLength": 255},
          "marca": {"type": ["string", "null"], "maxLength": 255},
          "tipo": {"type": ["string", "null"], "maxLength": 255},
          "modelo": {"type": ["string", "null"], "maxLength": 255},
          "placas": {"type": ["string", "null"], "maxLength": 255},
          "kilometraje": {"type": ["string", "null"], "maxLength": 255},
          "no_puertas": {"type": ["string", "null"], "maxLength": 255},
          "color": {"type": ["string", "null"], "maxLength": 255},
          "serie": {"type": ["string", "null"], "maxLength": 255},
          "eco": {"type": ["string", "null"], "maxLength": 255},
          "asegurado_tercero": {"type": ["string", "null"], "maxLength": 255},
          "nombre_propietario": {"type": ["string", "null"], "maxLength": 255},
          "telefono": {"type": ["string", "null"], "maxLength": 255},
          "direccion": {"type": ["string", "null"], "maxLength": 500},
          "pega": {"type": ["string", "null"], "maxLength": 255},
          "cristales": {"type": ["boolean", "null"]},
          "aire": {"type": ["boolean", "null"]},
          "vestiduras": {"type": ["boolean", "null"]},
          "rin": {"type": ["boolean", "null"]},
          "direccion_veh": {"type": ["boolean", "null"]},
          "tipo_pintura": {"type": ["boolean", "null"]},
          "trasmision": {"type": ["boolean", "null"]}
        }
      },
      "CostoTotal": {
        "type": "object",
        "required": ["id_levantamiento", "total"],
        "properties": {
          "id_levantamiento": {"type": "integer", "format": "int32"},
          "total": {"type": "number"}
        }
      },
      "Checklist": {
        "type": "object",
        "description": "An exit/inspection checklist (monitor.md §3).",
        "required": [
          "id",
          "no_siniestro",
          "fecha_inspeccion",
          "hora",
          "inspeccionado_por",
          "ubicacion",
          "aprobada",
          "detallado",
          "carroceo_asignado",
          "mecanico_asignado",
          "pintor",
          "area_detallado",
          "marca_tipo",
          "anio",
          "serie",
          "areas_danadas",
          "a",
          "t",
          "fecha_vencimiento_seguro",
          "deducible",
          "demerito",
          "lugar_entrega",
          "fecha_entrega",
          "nombre_quien_recibe",
          "firma_quien_recibe",
          "observaciones_adicionales"
        ],
        "properties": {
          "id": {"type": "integer", "format": "int32"},
          "no_siniestro": {"type": ["string", "null"]},
          "fecha_inspeccion": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "hora": {
            "type": ["string", "null"],
            "description": "Wall-clock time, returned as `1970-01-01THH:MM:SS.000Z` (ruling M11, monitor.md §10).",
            "pattern": "^1970-01-01T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"
          },
          "inspeccionado_por": {"type": ["string", "null"], "maxLength": 255},
          "ubicacion": {"type": ["string", "null"], "maxLength": 255},
          "aprobada": {"type": ["boolean", "null"]},
          "detallado": {"type": ["boolean", "null"]},
          "carroceo_asignado": {"type": ["string", "null"], "maxLength": 255},
          "mecanico_asignado": {"type": ["string", "null"], "maxLength": 255},
          "pintor": {"type": ["string", "null"], "maxLength": 255},
          "area_detallado": {"type": ["string", "null"], "maxLength": 255},
          "marca_tipo": {"type": ["string", "null"], "maxLength": 255},
          "anio": {"type": ["string", "null"], "maxLength": 255},
          "serie": {"type": ["string", "null"], "maxLength": 255},
          "areas_danadas": {"type": ["string", "null"]},
          "a": {"type": ["boolean", "null"]},
          "t": {"type": ["boolean", "null"]},
          "fecha_vencimiento_seguro": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "deducible": {"type": ["string", "null"], "description": "Decimal as a string.", "pattern": "^-?\\d+\\.\\d{2}$"},
          "demerito": {"type": ["string", "null"], "description": "Decimal as a string.", "pattern": "^-?\\d+\\.\\d{2}$"},
          "lugar_entrega": {"type": ["string", "null"], "maxLength": 255},
          "fecha_entrega": {
            "type": ["string", "null"],
            "format": "date-time",
            "description": "Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "nombre_quien_recibe": {"type": ["string", "null"], "maxLength": 255},
          "firma_quien_recibe": {"type": ["string", "null"], "maxLength": 255},
          "observaciones_adicionales": {"type": ["string", "null"]},
          "checklist_item": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/ChecklistItem"},
            "description": "Present when the checklist is read (GET), absent in create/update answers."
          }
        }
      },
      "ChecklistInput": {
        "type": "object",
        "description": "Every field optional. On update an omitted key is unchanged and `null` clears (ruling 5). Any other key is a 400 naming it (ruling 1, monitor.md §9).",
        "additionalProperties": false,
        "properties": {
          "no_siniestro": {"type": ["string", "null"], "maxLength": 100, "description": "The expediente (must exist when given)."},
          "fecha_inspeccion": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "hora": {
            "type": ["string", "null"],
            "minLength": 1,
            "description": "`HH:MM`, `HH:MM:SS[.ffffff]` or the form the API returns, `1970-01-01THH:MM:SS.000Z` (ruling M11). `null` clears; `\"\"` is a 400 naming the field.",
            "pattern": "^([0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?|1970-01-01T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?Z?)$"
          },
          "inspeccionado_por": {"type": ["string", "null"], "maxLength": 255},
          "ubicacion": {"type": ["string", "null"], "maxLength": 255},
          "aprobada": {"type": ["boolean", "null"]},
          "detallado": {"type": ["boolean", "null"]},
          "carroceo_asignado": {"type": ["string", "null"], "maxLength": 255},
          "mecanico_asignado": {"type": ["string", "null"], "maxLength": 255},
          "pintor": {"type": ["string", "null"], "maxLength": 255},
          "area_detallado": {"type": ["string", "null"], "maxLength": 255},
          "marca_tipo": {"type": ["string", "null"], "maxLength": 255},
          "anio": {"type": ["string", "null"], "maxLength": 255},
          "serie": {"type": ["string", "null"], "maxLength": 255},
          "areas_danadas": {"type": ["string", "null"]},
          "a": {"type": ["boolean", "null"]},
          "t": {"type": ["boolean", "null"]},
          "fecha_vencimiento_seguro": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "deducible": {"type": ["number", "string", "null"], "description": "Amount with at most 2 decimals."},
          "demerito": {"type": ["number", "string", "null"], "description": "Amount with at most 2 decimals."},
          "lugar_entrega": {"type": ["string", "null"], "maxLength": 255},
          "fecha_entrega": {
            "type": ["string", "null"],
            "minLength": 1,
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$",
            "description": "Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3). `null` clears; `\"\"` is a 400 naming the field (ruling M11)."
          },
          "nombre_quien_recibe": {"type": ["string", "null"], "maxLength": 255},
          "firma_quien_recibe": {"type": ["string", "null"], "maxLength": 255},
          "observaciones_adicionales": {"type": ["string", "null"]}
        }
      },
      "ChecklistItem": {
        "type": "object",
        "required": ["id", "id_checklist", "sistema", "nombre_item", "valor"],
        "properties": {
          "id": {"type": "integer", "format": "int32"},
          "id_checklist": {"type": "integer", "format": "int32"},
          "sistema": {"type": ["string", "null"]},
          "nombre_item": {"type": ["string", "null"]},
          "valor": {"type": ["string", "null"], "description": "Expected `OK`, `RE`, `MA` or `NA`."}
        }
      },
      "ChecklistItemInput": {
        "type": "object",
        "description": "Any other key is a 400 naming it (ruling 1, monitor.md §9).",
        "additionalProperties": false,
        "properties": {
          "sistema": {"type": ["string", "null"], "maxLength": 255},
          "nombre_item": {"type": ["string", "null"], "maxLength": 255},
          "valor": {"type": ["string", "null"], "maxLength": 50, "description": "Expected `OK`, `RE`, `MA` or `NA`."}
        }
      },
      "ChecklistBulkItems": {
        "type": "object",
        "description": "Any other key is a 400 naming it (ruling 1, monitor.md §9).",
        "additionalProperties": false,
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "description": "An item: `sistema`, `nombre_item`, `valor` as in `ChecklistItemInput`; other keys are ignored (§9).",
              "properties": {
                "sistema": {"type": ["string", "null"], "maxLength": 255},
                "nombre_item": {"type": ["string", "null"], "maxLength": 255},
                "valor": {"type": ["string", "null"], "maxLength": 50, "description": "Expected `OK`, `RE`, `MA` or `NA`."}
              }
            },
            "description": "The new items; absent = none."
          }
        }
      },
      "Comentario": {
        "type": "object",
        "required": ["id", "no_siniestro", "usuario_id", "fecha", "hora", "comentario", "fecha_creacion", "usuario"],
        "properties": {
          "id": {"type": "integer", "format": "int32"},
          "no_siniestro": {"type": "string"},
          "usuario_id": {"type": ["integer", "null"], "format": "int32"},
          "fecha": {
            "type": "string",
            "format": "date-time",
            "description": "Wall-clock date in America/Mexico_City, as `YYYY-MM-DDT12:00:00.000Z` (ruling M9).",
            "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$"
          },
          "hora": {"type": "string", "description": "Wall-clock time in America/Mexico_City, as `1970-01-01THH:MM:SS.000Z` (ruling M11).", "pattern": "^1970-01-01T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$"},
          "comentario": {"type": "string"},
          "fecha_creacion": {"type": "string", "format": "date-time", "description": "ISO 8601 UTC with milliseconds."},
          "usuario": {
            "oneOf": [
              {"$ref": "#/components/schemas/UsuarioResumen"},
              {"type": "null"}
            ]
          }
        }
      },
      "ComentarioCreate": {
        "type": "object",
        "required": ["no_siniestro", "comentario"],
        "properties": {
          "no_siniestro": {"type": "string", "minLength": 1, "description": "Must name an existing expediente."},
          "comentario": {"type": "string", "minLength": 1}
        }
      },
      "Ok": {
        "type": "object",
        "required": ["ok"],
        "properties": {
          "ok": {"type": "boolean", "const": true}
        }
      },
      "Mensaje": {
        "type": "object",
        "required": ["mensaje"],
        "properties": {
          "mensaje": {"type": "string"}
        }
      }
    },
    "responses": {
      "Unauthorized": {
        "description": "No `Authorization: Bearer <token>` header, or the token does not verify (bad signature, expired, malformed).",
        "content": {
          "application/json": {
            "schema": {"$ref": "#/components/schemas/Error"},
            "examples": {
              "missing": {
                "value": {"error": "Token requerido"}
              },
              "invalid": {
                "value": {"error": "Token inválido o expirado"}
              }
            }
          }
        }
      },
      "ForbiddenAdmin": {
        "description": "The token's role is not Administrador.",
        "content": {
          "application/json": {
            "schema": {"$ref": "#/components/schemas/Error"},
            "examples": {
              "forbidden": {
                "value": {"error": "Acceso restringido a administradores"}
              }
            }
          }
        }
      },
      "ForbiddenAdminOrOperator": {
        "description": "The token's role is Tecnico.",
        "content": {
          "application/json": {
            "schema": {"$ref": "#/components/schemas/Error"},
            "examples": {
              "forbidden": {
                "value": {"error": "Acceso restringido a administradores y operadores"}
              }
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Too many requests from this address on a credential route: nginx's rate limit (ruling 8), with Retry-After.",
        "headers": {
          "Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer"}}
        },
        "content": {
          "application/json": {
            "schema": {"$ref": "#/components/schemas/Error"},
            "examples": {
              "limited": {
                "value": {"error": "Demasiadas solicitudes, intenta de nuevo más tarde"}
              }
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "The database does not answer.",
        "content": {
          "application/json": {
            "schema": {"$ref": "#/components/schemas/Error"},
            "examples": {
              "unavailable": {
                "value": {"error": "Servicio no disponible"}
              }
            }
          }
        }
      }
    },
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "Token from `POST /api/auth/login`: HS256, claims `id`, `username`, `rol`, `pwd`, `iat`, `exp`; expires after 8 h. Checked against the user's current row (ruling 9)."
      }
    }
  }
}

"""#
}
