// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "docbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docbao", targets: ["docbao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The C view of ncursesw. Declared by hand (not via pkgConfig) so that the wide-character
        // API stays visible; see shim.h.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        // Pure core: model, loader, typesetting, reader state, rendering into a cell grid.
        // Optimised even in debug builds: the tests push hundreds of thousands of fuzz cases and
        // megabytes of text through it, and its speed is what the reader's speed is made of.
        .target(name: "DocBaoCore", swiftSettings: [.unsafeFlags(["-O"])]),
        // Visitor statistics in SQLite.
        .target(
            name: "DocBaoStore",
            dependencies: ["DocBaoCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The only code that talks to curses.
        .target(name: "DocBaoTerminal", dependencies: ["DocBaoCore", "CNCursesW"]),
        .executableTarget(
            name: "docbao",
            dependencies: [
                "DocBaoCore", "DocBaoStore", "DocBaoTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DocBaoCoreTests", dependencies: ["DocBaoCore"], exclude: ["Fixtures", "__Snapshots__"]),
        // Store tests use a real database file; the concurrency tests also run the built binary.
        .testTarget(name: "DocBaoStoreTests", dependencies: ["DocBaoStore", "DocBaoCore", "docbao"]),
        // Depends on the executable so that `swift test` builds the binary it drives.
        .testTarget(name: "DocBaoEndToEndTests", dependencies: ["docbao"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
