/// Where docbao keeps its files, from options and the environment (XDG base directories).
public enum DataLocation {
    /// The statistics directory: `--data-dir`, else `DOCBAO_DATA_DIR`, else
    /// `$XDG_DATA_HOME/docbao`, else `~/.local/share/docbao`.
    /// `account` gives the home directory of the user's account, asked only when `HOME` is
    /// missing or not an absolute path.
    public static func dataDirectory(option: String?, environment env: [String: String],
                                     account: () -> String? = { nil }) -> String {
        if let option, !option.isEmpty { return option }
        if let dir = env["DOCBAO_DATA_DIR"], !dir.isEmpty { return dir }
        if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/docbao" }
        return home(env, account: account) + "/.local/share/docbao"
    }

    /// The settings directory: `$XDG_CONFIG_HOME/docbao`, else `~/.config/docbao`.
    public static func configDirectory(environment env: [String: String], account: () -> String? = { nil }) -> String {
        if let xdg = env["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/docbao" }
        return home(env, account: account) + "/.config/docbao"
    }

    /// `HOME`, else the account's home: without it (a service, `env -i`, an empty `HOME`) the
    /// files went to a `.local` and `.config` of whatever folder docbao was started in, and
    /// each folder kept counts of its own. The current folder is the last resort.
    static func home(_ env: [String: String], account: () -> String?) -> String {
        if let home = env["HOME"], home.hasPrefix("/") { return home }
        if let home = account(), home.hasPrefix("/") { return home }
        return "."
    }
}
