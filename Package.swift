// swift-tools-version:6.0
import PackageDescription

// Module graph (imports point one way):
//   ExactJSON, CSVFormat   leaf value formats, Foundation only
//   ClaretModel            the vocabulary: records, master data, validation, errors, behaviour profile
//   ClaretStore            SQLite; the only module importing CSQLite
//   ClaretServer           the mock: router, handlers, and the libmicrohttpd adapter (only importer of CMicroHTTPD)
//   ClaretCLI              argument parsing, help, commands wiring the modules
let package = Package(
    name: "claret-harness",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "claret-harness", targets: ["claret-harness"])
    ],
    targets: [
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"]), .brew(["libmicrohttpd"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(name: "ExactJSON"),
        .target(name: "CSVFormat"),
        .target(name: "ClaretModel", dependencies: ["ExactJSON", "CSVFormat"]),
        .target(name: "ClaretStore", dependencies: ["ClaretModel", "ExactJSON", "CSVFormat", "CSQLite"]),
        .target(name: "ClaretServer", dependencies: ["ClaretModel", "ClaretStore", "ExactJSON", "CMicroHTTPD"]),
        .target(name: "ClaretCLI", dependencies: ["ClaretModel", "ClaretStore", "ClaretServer", "ExactJSON"]),
        .executableTarget(name: "claret-harness", dependencies: ["ClaretCLI"]),
        .testTarget(name: "ExactJSONTests", dependencies: ["ExactJSON"]),
        .testTarget(name: "CSVFormatTests", dependencies: ["CSVFormat"]),
        .testTarget(name: "ClaretModelTests", dependencies: ["ClaretModel", "ExactJSON"]),
        .testTarget(name: "ClaretStoreTests", dependencies: ["ClaretStore", "ClaretModel"]),
        .testTarget(name: "ClaretServerTests", dependencies: ["ClaretServer", "ClaretStore", "ClaretModel", "ExactJSON"]),
        .testTarget(name: "ClaretCLITests", dependencies: ["ClaretCLI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ExactJSON"]),
    ]
)
