// swift-tools-version:6.0
import PackageDescription

// Module graph (imports point one way):
//   ExactJSON, CSVFormat   leaf value formats, Foundation only
//   YAMLReader             YAML (and JSON) documents with source positions, over libyaml
//   ClaretModel            the vocabulary: records, master data, validation, errors, behaviour profile
//   ClaretStore            SQLite; the only module importing CSQLite
//   ClaretServer           the mock: router, handlers, and the libmicrohttpd adapter (only importer of CMicroHTTPD)
//   ClaretScenarios        scenario files → validated plans → steps run over HTTP against a target
//   ClaretReporting        transcripts read back, runs compared into mismatches, reports rendered
//   ClaretCLI              argument parsing, help, commands wiring the modules
//   XMLTestSupport         (tests only) a strict XML reader for checking JUnit reports
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
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "ExactJSON"),
        .target(name: "YAMLReader", dependencies: ["ExactJSON", "CYAML"]),
        .target(name: "CSVFormat"),
        .target(name: "ClaretModel", dependencies: ["ExactJSON", "CSVFormat"]),
        .target(name: "ClaretStore", dependencies: ["ClaretModel", "ExactJSON", "CSVFormat", "CSQLite"]),
        .target(name: "ClaretServer", dependencies: ["ClaretModel", "ClaretStore", "ExactJSON", "CMicroHTTPD"]),
        .target(name: "ClaretScenarios", dependencies: ["ClaretModel", "ExactJSON", "YAMLReader"]),
        .target(name: "ClaretReporting", dependencies: ["ClaretModel", "ExactJSON", "CSVFormat"]),
        .target(
            name: "ClaretCLI",
            dependencies: [
                "ClaretModel", "ClaretStore", "ClaretServer", "ClaretScenarios", "ClaretReporting", "ExactJSON",
            ]),
        .executableTarget(name: "claret-harness", dependencies: ["ClaretCLI"]),
        .testTarget(name: "ExactJSONTests", dependencies: ["ExactJSON"]),
        .testTarget(name: "CSVFormatTests", dependencies: ["CSVFormat"]),
        // Test support shared by the targets that read JUnit reports; a plain target, since it is not a suite.
        .target(name: "XMLTestSupport", path: "Tests/XMLTestSupport"),
        .testTarget(name: "ClaretModelTests", dependencies: ["ClaretModel", "ExactJSON"]),
        .testTarget(name: "ClaretStoreTests", dependencies: ["ClaretStore", "ClaretModel"]),
        .testTarget(
            name: "ClaretServerTests", dependencies: ["ClaretServer", "ClaretStore", "ClaretModel", "ExactJSON"]),
        .testTarget(name: "YAMLReaderTests", dependencies: ["YAMLReader", "ExactJSON"]),
        .testTarget(
            name: "ClaretScenariosTests",
            dependencies: ["ClaretScenarios", "ExactJSON", "YAMLReader", "ClaretServer", "ClaretStore", "ClaretModel"]),
        .testTarget(
            name: "ClaretReportingTests",
            dependencies: ["ClaretReporting", "ClaretModel", "ExactJSON", "XMLTestSupport"]),
        .testTarget(
            name: "ClaretCLITests",
            dependencies: [
                "ClaretCLI", "ClaretServer", "ClaretStore", "ClaretModel", "ClaretScenarios", "ExactJSON",
                "XMLTestSupport",
            ]),
        .testTarget(name: "EndToEndTests", dependencies: ["ExactJSON", "XMLTestSupport"]),
    ]
)
