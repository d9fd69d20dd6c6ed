// Writes a recorded first screen (the bytes a program sent to its terminal) in one write and
// waits for a key: the time a screen takes through the emulator, with almost no start-up
// before it. `scripts/bench --floor` replays docbao's and less's first screens with it.
import Glibc

var bytes: [UInt8] = []
let fd = open(CommandLine.arguments[1], O_RDONLY)
var chunk = [UInt8](repeating: 0, count: 65536)
while fd >= 0 {
    let n = read(fd, &chunk, chunk.count)
    if n <= 0 { break }
    bytes += chunk[0..<n]
}
_ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
var key: UInt8 = 0
_ = read(STDIN_FILENO, &key, 1)
