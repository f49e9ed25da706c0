import HTTPCore

/// The examples the document gives for more than one operation (each operation keeps its own otherwise).
enum MonitorExamples {
    static let ok: JSONValue = ["ok": true]

    static let usuario: JSONValue = ["id": 1, "nombre": "Admin", "username": "admin", "rol": "Administrador"]

    static let checklistItem: JSONValue = ["id": 31, "id_checklist": 9, "sistema": "SISTEMA DE FRENO", "nombre_item": "Liquido de freno", "valor": "OK"]

    static let levantamientoConcepto: JSONValue = ["id": 11, "id_levantamiento": 5, "claves": "CF-01", "concepto": "Cambio de facia delantera", "costo": "3500.00"]

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

    static let expedienteResumen: JSONValue = [
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
        "aseguradora": ["id": 1, "nombre": "AXA"],
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
            MonitorExamples.levantamientoConcepto,
        ],
    ]

    static let checklist: JSONValue = [
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
        "observaciones_adicionales": .null,
    ]

    static let checklistWithItems: JSONValue = MonitorExamples.checklist.with([
        "checklist_item": [
            MonitorExamples.checklistItem,
        ],
    ])

    static let expediente: JSONValue = [
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
    ]
}
