// swift-tools-version:6.0
// The floor under docbao's start-up: the least a Swift program can do to show a page of a
// file through ncursesw, with all of Foundation (which docbao links: GRDB needs it, and on
// Linux Unicode normalisation is only there) and with FoundationEssentials alone; and a program
// that only writes a recorded screen (what the emulator's work on that screen costs). `scripts/bench
// --floor` builds these as docbao is built and times them against less and docbao.
import PackageDescription

let package = Package(
    name: "StartupFloor",
    targets: [
        .systemLibrary(name: "CFloorCurses", path: "Sources/CFloorCurses"),
        .target(name: "FloorScreen", dependencies: ["CFloorCurses"]),
        .executableTarget(name: "floor-foundation", dependencies: ["FloorScreen"]),
        .executableTarget(name: "floor-essentials", dependencies: ["FloorScreen"]),
        .executableTarget(name: "floor-replay"),
    ]
)
