import GRDB

/// Versioned migrations of the statistics database.
enum Schema {
    /// Visits are counted in 15-minute slots (UTC seconds / 900): every real time-zone offset
    /// is a multiple of 15 minutes, so any local day is a whole range of slots, and counters
    /// for a day, month or year are one indexed sum whatever `TZ` says.
    static let slotSeconds = 900

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "visit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("article", .text).notNull().indexed()
                t.column("at", .double).notNull()  // UTC seconds since 1970
            }
            try db.create(table: "slotTotal") { t in
                t.primaryKey("slot", .integer)
                t.column("visits", .integer).notNull()
            }
            try db.create(table: "articleTotal") { t in
                t.primaryKey("article", .text)
                t.column("visits", .integer).notNull()
            }
            try db.create(table: "rating") { t in
                t.column("article", .text).notNull()
                t.column("user", .text).notNull()
                t.column("stars", .integer).notNull().check { (1...5).contains($0) }
                t.column("at", .double).notNull()
                t.primaryKey(["article", "user"])
            }
            try db.create(table: "position") { t in
                t.primaryKey("article", .text)
                t.column("block", .integer).notNull()
                t.column("offset", .integer).notNull()
                t.column("at", .double).notNull()
            }
        }
        return m
    }
}
