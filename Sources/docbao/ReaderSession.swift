import DocBaoCore
import DocBaoTerminal
import Foundation

/// The interactive loop: events in, `update`, effects out, `render`, paint.
final class ReaderSession {
    let screen: CursesScreen
    var state: ReaderState
    private var frame: Frame?
    private var running = true

    init(screen: CursesScreen, state: ReaderState) {
        self.screen = screen
        self.state = state
    }

    func run() {
        paint()
        while running {
            if screen.quitRequested {
                perform(state.update(.quit))
                break
            }
            guard let event = screen.nextEvent() else { continue }
            if case .key(.ctrlZ) = event {
                screen.suspend()
                state.update(.resize(screen.size))
                paint()
                continue
            }
            guard let action = state.action(for: event, frame: frame) else { continue }
            perform(state.update(action))
            if running { paint() }
        }
    }

    func paint() {
        let f = render(state)
        screen.paint(f.grid, theme: state.theme)
        frame = f
    }

    func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .open(let entry):
                do {
                    let article = try ArticleFile.load(path: entry.path)
                    perform(state.update(.opened(OpenedArticle(entry: entry, article: article))))
                } catch {
                    state.update(.openFailed(path: entry.id, message: error.description))
                }
            case .reload:
                guard let doc = state.document else { continue }
                do {
                    let article = try ArticleFile.load(path: doc.entry.path)
                    let anchor = doc.anchor
                    state.update(.opened(OpenedArticle(entry: doc.entry, article: article, position: anchor)))
                    state.update(.showMessage(state.strings[.reloaded]))
                } catch {
                    state.update(.openFailed(path: doc.entry.id, message: error.description))
                }
            case .redrawAll:
                screen.invalidate()
            case .quit:
                running = false
            case .recordVisit, .savePosition, .rate, .saveSettings, .refreshStats:
                break  // statistics and settings persistence: not wired yet
            }
        }
    }
}
