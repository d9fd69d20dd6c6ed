import CNCursesW
import DocBaoCore

/// Turns what `wget_wch` returns into core input events.
enum InputDecoder {
    static func next(window: UnsafeMutablePointer<WINDOW>) -> InputEvent? {
        var ch: wint_t = 0
        let status = wget_wch(window, &ch)
        if status == ERR { return nil }
        if status == docbao_key_code_yes() {
            return keyCode(Int32(ch), window: window)
        }
        return character(UInt32(ch))
    }

    static func character(_ value: UInt32) -> InputEvent? {
        switch value {
        case 0x0D, 0x0A: return .key(.enter)
        case 0x08, 0x7F: return .key(.backspace)
        case 0x1B: return .key(.escape)
        case 0x09: return .key(.tab)
        case 0x01...0x1A: return .key(.control(Character(Unicode.Scalar(UInt8(value) + 0x60))))
        case 0..<0x20: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    static func keyCode(_ code: Int32, window: UnsafeMutablePointer<WINDOW>) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_RESIZE:
            return .resize(TermSize(width: Int(getmaxx(window)), height: Int(getmaxy(window))))
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let state = event.bstate
            if state & docbao_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, x: Int(event.x), y: Int(event.y))) }
            if state & docbao_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, x: Int(event.x), y: Int(event.y))) }
            if state & (docbao_button1_pressed() | docbao_button1_clicked()) != 0 {
                return .mouse(MouseEvent(.press, x: Int(event.x), y: Int(event.y)))
            }
            return nil
        default: return nil
        }
    }
}
