// The SQLite statistics store (GRDB) implementing DocBaoCore.StatisticsStore is the subject of
// the visitor-statistics issue; until it lands the reader shows statistics as unavailable.
import GRDB
