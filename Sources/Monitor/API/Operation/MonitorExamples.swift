import HTTPCore

/// The examples the document gives for more than one operation (each operation keeps its own otherwise).
enum MonitorExamples {
    static let banner: JSONValue = ["nombre": "Monitor API", "estado": "OK"]

    static let discovery: JSONValue = ["nombre": "Monitor API", "ips": ["192.168.1.20"]]

    static let health: JSONValue = [
        "ip": "127.0.0.1",
        "backend": true,
        "database": true,
        "disco": ["libre_GB": "12.3", "usado_GB": "40.1", "total_GB": "52.4"],
        "evidencias": ["archivos": 3, "tamaño_MB": "0.0"],
        "expedientes": 17,
        "ram": ["usada_MB": 85, "total_MB": 16384],
    ]

    static let loginResponse: JSONValue = ["token": "<jwt>", "usuario": ["id": 1, "nombre": "Admin", "username": "admin", "rol": "Administrador"]]

    static let deletedUsuario: JSONValue = ["ok": true, "id": 4]

    static let expedienteDetalle: JSONValue = [
        "no_siniestro": "SIN-2024-001",
        "factura": "F-00123",
        "orden": "OT-2024-045",
        "asesor": "María López",
        "fecha_ingreso": "2024-03-15T12:00:00.000Z",
        "fecha_valuacion": "2024-03-18T12:00:00.000Z",
        "fecha_autorizacion": "2024-03-20T12:00:00.000Z",
        "fecha_pzas_completas": "2024-03-22T12:00:00.000Z",
        "unidad_terminada": .null,
        "tecnico": "Carlos Pérez",
        "mecanico": .null,
        "vehiculo": .null,
        "observaciones": "Daño lateral derecho severo.",
        "marca": "Toyota",
        "modelo": "Corolla",
        "tipo": "Sedán",
        "color": "Blanco",
        "placas": "ABC-123",
        "nombre_cliente": "Juan García",
        "telefono_cliente": "555-100-2000",
        "correo_cliente": "juan@example.com",
        "dato1": .null,
        "dato1_fecha_hora": .null,
        "dato2": .null,
        "dato2_fecha_hora": .null,
        "dato3": .null,
        "dato3_fecha_hora": .null,
        "dato4": .null,
        "dato4_fecha_hora": .null,
        "comentarios_aseguradora": .null,
        "comentarios_aseguradora_fh": .null,
        "doc_orden_admision": true,
        "doc_identificacion": true,
        "doc_tarjeta_circulacion": true,
        "doc_caratula_poliza": false,
        "doc_carta_reparacion": false,
        "doc_comprobante_deducible": .null,
        "doc_finiquito": .null,
        "doc_encuesta_servicio": .null,
        "estado": "Restauracion",
        "ubicacion_almacenamiento": "Local",
        "id_aseguradora": 1,
        "creado_por": 2,
        "aseguradora": ["id": 1, "nombre": "AXA"],
        "historial_estado": [
            [
                "id": 2,
                "no_siniestro": "SIN-2024-001",
                "estado_anterior": "Ingreso",
                "estado_nuevo": "Restauracion",
                "fecha_cambio": "2024-03-20T18:15:00.000Z",
                "cambiado_por": 1,
            ],
            [
                "id": 1,
                "no_siniestro": "SIN-2024-001",
                "estado_anterior": .null,
                "estado_nuevo": "Ingreso",
                "fecha_cambio": "2024-03-15T17:00:00.000Z",
                "cambiado_por": 2,
            ],
        ],
        "evidencia": [
            [
                "id": 7,
                "no_siniestro": "SIN-2024-001",
                "tipo": "evidencia",
                "nombre_archivo": "frente.jpg",
                "ruta": "/evidencias/40b53a61e4bebb6253d89a0ab79f9f44/093d21e463c91c5538a0f89cb38cffdb.jpg",
                "fecha_carga": "2024-03-16T15:20:00.000Z",
                "ubicacion_almacenamiento": "Local",
                "subido_por": 2,
            ],
        ],
    ]

    static let deletedExpediente: JSONValue = ["ok": true, "no_siniestro": "SIN-2024-001"]

    static let evidencia: JSONValue = [
        "id": 7,
        "no_siniestro": "SIN-2024-001",
        "tipo": "evidencia",
        "nombre_archivo": "frente.jpg",
        "ruta": "/evidencias/40b53a61e4bebb6253d89a0ab79f9f44/093d21e463c91c5538a0f89cb38cffdb.jpg",
        "fecha_carga": "2024-03-16T15:20:00.000Z",
        "ubicacion_almacenamiento": "Local",
        "subido_por": 2,
    ]

    static let ok: JSONValue = ["ok": true]

    static let deletedEvidencia: JSONValue = [
        "ok": true,
        "mensaje": "Carpeta del expediente frente.jpg eliminada completamente",
        "carpetaEliminada": "frente.jpg",
    ]

    static let levantamiento: JSONValue = [
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
        "eco": .null,
        "asegurado_tercero": "Asegurado",
        "nombre_propietario": "Juan García",
        "telefono": "555-100-2000",
        "direccion": "Av. Siempre Viva 742, Aguascalientes",
        "pega": .null,
        "cristales": true,
        "aire": true,
        "vestiduras": false,
        "rin": true,
        "direccion_veh": true,
        "tipo_pintura": false,
        "trasmision": true,
        "levantamiento_concepto": [
            [
                "id": 11,
                "id_levantamiento": 5,
                "claves": "CF-01",
                "concepto": "Cambio de facia delantera",
                "costo": "3500.00",
            ],
        ],
    ]

    static let costoTotal: JSONValue = ["id_levantamiento": 5, "total": 3500]

    static let levantamientoDetalle: JSONValue = [
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
        "eco": .null,
        "asegurado_tercero": "Asegurado",
        "nombre_propietario": "Juan García",
        "telefono": "555-100-2000",
        "direccion": "Av. Siempre Viva 742, Aguascalientes",
        "pega": .null,
        "cristales": true,
        "aire": true,
        "vestiduras": false,
        "rin": true,
        "direccion_veh": true,
        "tipo_pintura": false,
        "trasmision": true,
        "levantamiento_concepto": [
            [
                "id": 11,
                "id_levantamiento": 5,
                "claves": "CF-01",
                "concepto": "Cambio de facia delantera",
                "costo": "3500.00",
            ],
        ],
        "expediente": [
            "no_siniestro": "SIN-2024-001",
            "factura": "F-00123",
            "orden": "OT-2024-045",
            "asesor": "María López",
            "fecha_ingreso": "2024-03-15T12:00:00.000Z",
            "fecha_valuacion": "2024-03-18T12:00:00.000Z",
            "fecha_autorizacion": "2024-03-20T12:00:00.000Z",
            "fecha_pzas_completas": "2024-03-22T12:00:00.000Z",
            "unidad_terminada": .null,
            "tecnico": "Carlos Pérez",
            "mecanico": .null,
            "vehiculo": .null,
            "observaciones": "Daño lateral derecho severo.",
            "marca": "Toyota",
            "modelo": "Corolla",
            "tipo": "Sedán",
            "color": "Blanco",
            "placas": "ABC-123",
            "nombre_cliente": "Juan García",
            "telefono_cliente": "555-100-2000",
            "correo_cliente": "juan@example.com",
            "dato1": .null,
            "dato1_fecha_hora": .null,
            "dato2": .null,
            "dato2_fecha_hora": .null,
            "dato3": .null,
            "dato3_fecha_hora": .null,
            "dato4": .null,
            "dato4_fecha_hora": .null,
            "comentarios_aseguradora": .null,
            "comentarios_aseguradora_fh": .null,
            "doc_orden_admision": true,
            "doc_identificacion": true,
            "doc_tarjeta_circulacion": true,
            "doc_caratula_poliza": false,
            "doc_carta_reparacion": false,
            "doc_comprobante_deducible": .null,
            "doc_finiquito": .null,
            "doc_encuesta_servicio": .null,
            "estado": "Restauracion",
            "ubicacion_almacenamiento": "Local",
            "id_aseguradora": 1,
            "creado_por": 2,
        ],
    ]

    static let concepto: JSONValue = ["id": 11, "id_levantamiento": 5, "claves": "CF-01", "concepto": "Cambio de facia delantera", "costo": "3500.00"]

    static let checklistItem: JSONValue = ["id": 31, "id_checklist": 9, "sistema": "SISTEMA DE FRENO", "nombre_item": "Liquido de freno", "valor": "OK"]

    static let comentario: JSONValue = [
        "id": 3,
        "no_siniestro": "SIN-2024-001",
        "usuario_id": 2,
        "fecha": "2024-03-16T12:00:00.000Z",
        "hora": "1970-01-01T09:45:12.000Z",
        "comentario": "Se solicitó la pieza al proveedor.",
        "fecha_creacion": "2024-03-16T15:45:12.345Z",
        "usuario": ["id": 2, "nombre": "Operador", "username": "operador"],
    ]
}
