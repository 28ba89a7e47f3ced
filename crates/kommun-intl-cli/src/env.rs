//! What the environment decides: the language, colour, and where output goes.

use std::io::{self, IsTerminal, Write};

use anstyle::{AnsiColor, Style};
use kommun_intl::Lang;

use crate::ColorChoice;

/// The language of the locale: Swedish when the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
/// that is set and not empty starts with `sv` (`sv_SE.UTF-8`); when none is set, the
/// platform's own setting (the user's languages on macOS and Windows, through `sys-locale`);
/// else English.
pub fn locale_lang() -> Lang {
    lang_from(|name| std::env::var(name).ok(), sys_locale::get_locale)
}

fn lang_from(get: impl Fn(&str) -> Option<String>, system: impl Fn() -> Option<String>) -> Lang {
    let swedish =
        |v: &str| if v.to_ascii_lowercase().starts_with("sv") { Lang::Sv } else { Lang::En };
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = get(name).filter(|v| !v.is_empty()) {
            return swedish(&value);
        }
    }
    system().map_or(Lang::En, |v| swedish(&v))
}

/// The language asked for, else the locale's.
pub fn lang(asked: Option<Lang>) -> Lang {
    asked.unwrap_or_else(locale_lang)
}

/// True when `NO_COLOR` is set to anything but the empty string (<https://no-color.org>).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether to colour a stream: never with `NO_COLOR`; otherwise as asked, where `auto` means
/// "when it is a terminal and `TERM` is not `dumb`".
pub fn colour(choice: ColorChoice, is_terminal: bool) -> bool {
    if no_color() {
        return false;
    }
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal && std::env::var_os("TERM").is_none_or(|t| t != "dumb"),
    }
}

/// Whether to colour standard output.
pub fn colour_stdout(choice: ColorChoice) -> bool {
    colour(choice, io::stdout().is_terminal())
}

/// True when standard error is a terminal (where a progress bar may go).
pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// The styles of the output; all plain when colour is off.
#[derive(Clone, Copy, Debug, Default)]
pub struct Styles {
    pub error: Style,
    pub warning: Style,
    pub gutter: Style,
    pub path: Style,
    pub message: Style,
    pub hint: Style,
    pub dim: Style,
    pub added: Style,
    pub removed: Style,
    pub header: Style,
}

impl Styles {
    /// Coloured styles, or plain ones.
    pub fn new(colour: bool) -> Styles {
        if !colour {
            return Styles::default();
        }
        let bold = Style::new().bold();
        Styles {
            error: bold.fg_color(Some(AnsiColor::BrightRed.into())),
            warning: bold.fg_color(Some(AnsiColor::BrightYellow.into())),
            gutter: bold.fg_color(Some(AnsiColor::BrightBlue.into())),
            path: bold,
            message: bold,
            hint: bold.fg_color(Some(AnsiColor::BrightCyan.into())),
            dim: Style::new().dimmed(),
            added: Style::new().fg_color(Some(AnsiColor::Green.into())),
            removed: Style::new().fg_color(Some(AnsiColor::Red.into())),
            header: bold,
        }
    }
}

/// Writes `text` in `style` (nothing extra when the style is plain).
pub fn paint(out: &mut dyn Write, style: Style, text: &str) -> io::Result<()> {
    if style == Style::new() {
        out.write_all(text.as_bytes())
    } else {
        write!(out, "{style}{text}{style:#}")
    }
}

/// Prints an error about the run (not about the data) on stderr: `error: ...`, with control
/// characters escaped.
pub fn error(message: &str) {
    let style = Styles::new(colour(ColorChoice::Auto, io::stderr().is_terminal())).error;
    let mut err = io::stderr().lock();
    let _ = paint(&mut err, style, "error");
    let _ = writeln!(err, ": {}", escape_controls(message));
}

/// Prints a note about the run on stderr: `note: ...`, with control characters escaped.
pub fn note(message: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "note: {}", escape_controls(message));
}

/// True for the characters that reorder text on screen (Unicode's bidirectional embeddings,
/// overrides and isolates), with which a value can make a line read other than it is.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` with every control character (C0 such as ESC, BEL, CR and line feed, DEL, the C1
/// range) and every bidirectional control escaped as `\u{1b}`, so that nothing a document
/// holds (a key, a code, a file name) can drive the terminal: retitle the window, clear the
/// screen, overwrite a line or forge one.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    use std::fmt::Write as _;
    if !text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() || is_bidi_control(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_controls("plain åäö"), "plain åäö");
        assert_eq!(escape_controls("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(escape_controls("\r\n\u{9b}\u{202e}"), "\\u{d}\\u{a}\\u{9b}\\u{202e}");
    }

    fn with(vars: &[(&str, &str)]) -> Lang {
        let get = |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned());
        lang_from(get, || None)
    }

    #[test]
    fn the_locale_picks_the_language_in_posix_order() {
        assert_eq!(with(&[]), Lang::En);
        assert_eq!(with(&[("LANG", "sv_SE.UTF-8")]), Lang::Sv);
        assert_eq!(with(&[("LANG", "sv_SE.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")]), Lang::En);
        assert_eq!(with(&[("LC_ALL", "sv_FI"), ("LC_MESSAGES", "en_GB.UTF-8")]), Lang::Sv);
        assert_eq!(with(&[("LC_ALL", ""), ("LANG", "SV")]), Lang::Sv);
        assert_eq!(with(&[("LANG", "C.UTF-8")]), Lang::En);
    }

    #[test]
    fn without_the_variables_the_platform_setting_decides() {
        let none = |_: &str| None;
        assert_eq!(lang_from(none, || Some("sv-SE".to_owned())), Lang::Sv);
        assert_eq!(lang_from(none, || Some("en-US".to_owned())), Lang::En);
        assert_eq!(lang_from(none, || None), Lang::En);
        // The variables win over the platform.
        let english = |n: &str| (n == "LANG").then(|| "en_GB.UTF-8".to_owned());
        assert_eq!(lang_from(english, || Some("sv-SE".to_owned())), Lang::En);
    }
}
