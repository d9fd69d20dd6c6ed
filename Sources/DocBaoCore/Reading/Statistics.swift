import Foundation

/// The site-wide visit counters the sidebar shows, for the reader's local calendar.
public struct SiteCounters: Equatable, Sendable {
    public var today: Int
    public var yesterday: Int
    public var month: Int
    public var year: Int
    public var total: Int
    /// The day (1–31), month (1–12) and year the counters were counted for: the month and year
    /// label them; all three say when they are out of date.
    public var dayNumber: Int
    public var monthNumber: Int
    public var yearNumber: Int

    public init(today: Int, yesterday: Int, month: Int, year: Int, total: Int, dayNumber: Int, monthNumber: Int,
                yearNumber: Int) {
        self.today = today
        self.yesterday = yesterday
        self.month = month
        self.year = year
        self.total = total
        self.dayNumber = dayNumber
        self.monthNumber = monthNumber
        self.yearNumber = yearNumber
    }

    /// Whether `now` falls on another day in `calendar` than the one counted for: past
    /// midnight, *today* is yesterday's count (and at a month's or year's turn, its label is
    /// wrong too), though nobody has read anything since.
    public func isOutOfDate(now: Date, calendar: Calendar) -> Bool {
        let c = calendar.dateComponents([.day, .month, .year], from: now)
        return c.day != dayNumber || c.month != monthNumber || c.year != yearNumber
    }
}

/// Ratings of one article: the sum of stars and how many readers gave them.
public struct RatingSummary: Equatable, Sendable {
    public var points: Int
    public var votes: Int

    public init(points: Int, votes: Int) {
        self.points = points
        self.votes = votes
    }

    public var average: Double? { votes > 0 ? Double(points) / Double(votes) : nil }
}

/// What the sidebar knows. `nil` fields are shown as unavailable, never made up.
public struct SidebarStats: Equatable, Sendable {
    public var site: SiteCounters?
    public var articleViews: Int?
    public var articleRating: RatingSummary?

    public init(site: SiteCounters? = nil, articleViews: Int? = nil, articleRating: RatingSummary? = nil) {
        self.site = site
        self.articleViews = articleViews
        self.articleRating = articleRating
    }
}

/// Where docbao keeps what it counts. The core defines it; DocBaoStore implements it in SQLite.
public protocol StatisticsStore: AnyObject {
    /// Records one visit to an article at a moment.
    func recordVisit(articleID: String, at date: Date) throws
    /// The five counters for the day that contains `now` in `calendar`'s time zone.
    func counters(now: Date, calendar: Calendar) throws -> SiteCounters
    func views(articleID: String) throws -> Int
    func rating(articleID: String) throws -> RatingSummary
    /// Sets one user's rating (1–5) of an article, replacing an earlier one.
    func rate(articleID: String, user: String, stars: Int) throws
    func position(articleID: String) throws -> TextPosition?
    func savePosition(articleID: String, _ position: TextPosition) throws
    /// A number that changes when another connection has written; cheap to poll.
    func changeToken() throws -> Int
}
