import DocBaoCore
import Foundation

/// Reads and writes the settings file in the config directory.
struct SettingsStorage {
    let path: String

    init(environment: [String: String]) {
        path = DataLocation.configDirectory(environment: environment, account: accountHome) + "/" + SettingsFile.fileName
    }

    /// Defaults from the environment, then the file. Problems come back as one warning; the
    /// file is left alone until the reader changes a setting.
    func load(environment env: [String: String]) -> (ReaderSettings, warning: SettingsFile.Warning?) {
        var defaults = ReaderSettings()
        defaults.language = UILanguage.fromEnvironment(env)
        defaults.variant = ThemeVariant.fromEnvironment(env)
        // POSIX calls rather than FileManager, whose first use costs on the way to the first screen.
        let bytes: FileBytes
        do {
            bytes = try ArticleFile.read(path: path)
        } catch .notFound {
            return (defaults, nil)
        } catch {
            return (defaults, .unreadable(path: path))
        }
        guard let text = String(validating: bytes.buffer, as: UTF8.self) else {
            return (defaults, .unreadable(path: path))
        }
        let (settings, problems) = SettingsFile.parse(text, base: defaults)
        return (settings, problems.isEmpty ? nil : .lines(problems))
    }

    /// Writes atomically (temporary file, then rename), so a crash never leaves half a file.
    func save(_ settings: ReaderSettings) throws {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let temp = path + ".tmp-\(getpid())"
        try Data(SettingsFile.serialize(settings).utf8).write(to: URL(fileURLWithPath: temp))
        guard rename(temp, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temp)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
