/// Where docbao keeps its files, from options and the environment (XDG base directories).
public enum DataLocation {
    /// The statistics directory: `--data-dir`, else `DOCBAO_DATA_DIR`, else
    /// `$XDG_DATA_HOME/docbao`, else `~/.local/share/docbao`.
    public static func dataDirectory(option: String?, environment env: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let dir = env["DOCBAO_DATA_DIR"], !dir.isEmpty { return dir }
        if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/docbao" }
        return (env["HOME"] ?? ".") + "/.local/share/docbao"
    }

    /// The settings directory: `$XDG_CONFIG_HOME/docbao`, else `~/.config/docbao`.
    public static func configDirectory(environment env: [String: String]) -> String {
        if let xdg = env["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/docbao" }
        return (env["HOME"] ?? ".") + "/.config/docbao"
    }
}
