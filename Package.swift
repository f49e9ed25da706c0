// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Ventanilla",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ventanilla", targets: ["VentanillaCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // System libraries from Debian: modulemap + pkg-config, no C code of ours.
        .systemLibrary(name: "CFastCGI", pkgConfig: "fcgi", providers: [.apt(["libfcgi-dev"])]),
        .systemLibrary(name: "CMariaDB", pkgConfig: "libmariadb", providers: [.apt(["libmariadb-dev"])]),
        .systemLibrary(name: "CXCrypt", pkgConfig: "libxcrypt", providers: [.apt(["libcrypt-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // glibc's allocator controls (<malloc.h>): the arena cap, fixed thresholds and malloc_trim of `serve`.
        .systemLibrary(name: "CMalloc"),

        // Circuit breakers: one state machine, with a policy per caller (the database's connects, the registries).
        // No dependencies, so the lowest layers (MariaDB) and the modules can both use it.
        .target(name: "Resilience", swiftSettings: strict),

        // The only Swift that touches the C libraries.
        .target(name: "FastCGI", dependencies: ["CFastCGI", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .target(name: "MariaDB", dependencies: ["CMariaDB", "Resilience", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        // Workbooks described as data, written to .xlsx by libxlsxwriter (ruling M13).
        .target(name: "Spreadsheet", dependencies: ["CXlsxWriter"], swiftSettings: strict),

        // HTTP model, router, middleware, body parsing.
        .target(name: "HTTPCore", dependencies: [.product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        // Shared application services: configuration, clock, errors.
        // Its Persistence/ files (the mail outbox writer) are the only ones that import MariaDB.
        .target(name: "AppCore", dependencies: ["HTTPCore", "MariaDB", "CXCrypt", .product(name: "Crypto", package: "swift-crypto"),
                                                .product(name: "_CryptoExtras", package: "swift-crypto"),
                                                .product(name: "Logging", package: "swift-log")], swiftSettings: strict),

        // Business modules: never import FastCGI, a C module or each other. Only Persistence/ files import MariaDB.
        .target(name: "Monitor", dependencies: ["AppCore", "HTTPCore", "MariaDB", "Spreadsheet", .product(name: "Logging", package: "swift-log")],
                // The insurer logos of the EXPEDIENTE form (monitor.md §7): our own PNGs, compiled into the binary.
                resources: [.embedInCode("Formatos/Logos/axa.png"), .embedInCode("Formatos/Logos/hdi.png"),
                            .embedInCode("Formatos/Logos/qualitas.png")], swiftSettings: strict),
        .target(name: "Transporte", dependencies: ["AppCore", "HTTPCore", "MariaDB", "Resilience", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .target(name: "Egresos", dependencies: ["AppCore", "HTTPCore", "MariaDB", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),

        // Composition root: configuration per module, FastCGI glue, migrator.
        .target(name: "App", dependencies: ["FastCGI", "MariaDB", "Resilience", "CCurl", "CMalloc", "HTTPCore", "AppCore", "Monitor", "Transporte", "Egresos",
                                            .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .executableTarget(name: "VentanillaCLI", dependencies: ["App", "AppCore", "FastCGI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                                                .product(name: "Logging", package: "swift-log")], swiftSettings: strict),

        // Shared by the module test targets: a fresh migrated database, in-process requests, race clients.
        .target(name: "TestSupport", dependencies: ["App", "AppCore", "HTTPCore", "MariaDB", .product(name: "Logging", package: "swift-log")],
                swiftSettings: strict),
        .testTarget(name: "ResilienceTests", dependencies: ["Resilience"], swiftSettings: strict),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet"], swiftSettings: strict),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore", "AppCore"], swiftSettings: strict),
        .testTarget(name: "FastCGITests", dependencies: ["FastCGI", "App", "AppCore", "HTTPCore", "MariaDB", "TestSupport", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .testTarget(name: "MariaDBTests", dependencies: ["MariaDB", "App", "Resilience", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .testTarget(name: "MonitorTests", dependencies: ["Monitor", "App", "TestSupport", "HTTPCore", "AppCore", "MariaDB",
                                                         .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .testTarget(name: "TransporteTests", dependencies: ["Transporte", "App", "Resilience", "TestSupport", "HTTPCore", "AppCore", "MariaDB",
                                                            .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
        .testTarget(name: "EgresosTests", dependencies: ["Egresos", "App", "FastCGI", "TestSupport", "HTTPCore", "AppCore", "MariaDB", .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .testTarget(name: "AppTests", dependencies: ["App", "HTTPCore", "AppCore", "Monitor", "Transporte", "Egresos", "MariaDB", "Resilience", "TestSupport", .product(name: "Logging", package: "swift-log")], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
