//! XML as Open311 servers write it, read into a small tree of elements, and written back.
//!
//! The reader refuses what could make reading costly or reach outside the document: a
//! document type declaration (so no entity is ever defined, let alone expanded, and no
//! external entity is fetched), entities other than XML's five and character references, an
//! encoding other than UTF-8, nesting deeper than the depth limit, texts longer than the string
//! limit and more elements than the array limit. Everything is one pass over the text.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use kommun_intl::validate::rules;
use kommun_intl::{Options, Report};

use crate::text::{Lines, Pos, fail, prepare};

/// An element: its name, the text directly inside it, its child elements and where it starts.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub name: String,
    /// The `name` attribute, which the writer uses for keys that are not XML names.
    pub key: Option<String>,
    /// The `type` attribute, by which the writer says what JSON type a value inside
    /// `extended_attributes` has (`number`, `boolean`, `null`, `array`, `object`).
    pub kind: Option<String>,
    pub text: String,
    pub children: Vec<Element>,
    pub pos: Pos,
}

impl Element {
    /// The children with this name.
    pub fn all<'e>(&'e self, name: &'e str) -> impl Iterator<Item = &'e Element> + 'e {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// Reads a whole XML document into its root element.
pub(crate) fn parse(input: &[u8], options: &Options) -> Result<Element, Report> {
    let (text, skipped) = prepare(input, options, &rules::OPEN311_INVALID_UTF8)?;
    let lines = Lines::new(input);
    let at = |offset: usize| lines.pos(skipped + offset);
    let limits = options.limits;
    let max_depth = limits.max_depth.min(128);
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    reader.config_mut().check_comments = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut count = 0usize;
    let syntax = |detail: &str, offset: usize| {
        fail(
            options,
            &rules::OPEN311_XML_SYNTAX,
            &[("detail", detail.to_owned())],
            Some(at(offset)),
        )
    };
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let offset = usize::try_from(reader.error_position()).unwrap_or(start);
                return Err(syntax(describe(&e), offset));
            }
        };
        match event {
            Event::DocType(_) => {
                return Err(fail(options, &rules::OPEN311_XML_DOCTYPE, &[], Some(at(start))));
            }
            Event::Decl(decl) => {
                if let Some(Ok(encoding)) = decl.encoding() {
                    let name = String::from_utf8_lossy(&encoding).to_ascii_lowercase();
                    if name != "utf-8" && name != "utf8" {
                        let shown = crate::text::shown_name(&name, None);
                        return Err(fail(
                            options,
                            &rules::OPEN311_ENCODING,
                            &[("encoding", shown)],
                            Some(at(start)),
                        ));
                    }
                }
            }
            Event::Start(e) | Event::Empty(e) if root.is_some() => {
                let _ = e;
                return Err(syntax("more than one root element", start));
            }
            Event::Start(ref e) | Event::Empty(ref e) => {
                count += 1;
                if count > limits.max_array_length {
                    let max = limits.max_array_length.to_string();
                    return Err(fail(
                        options,
                        &rules::LIMIT_ARRAY_LENGTH,
                        &[("max", max)],
                        Some(at(start)),
                    ));
                }
                if stack.len() >= max_depth {
                    let max = max_depth.to_string();
                    return Err(fail(
                        options,
                        &rules::LIMIT_DEPTH,
                        &[("max", max)],
                        Some(at(start)),
                    ));
                }
                if e.len() > limits.max_string_length {
                    let max = limits.max_string_length.to_string();
                    return Err(fail(
                        options,
                        &rules::LIMIT_STRING_LENGTH,
                        &[("max", max)],
                        Some(at(start)),
                    ));
                }
                let element = element(e, at(start)).map_err(|d| syntax(d, start))?;
                if matches!(event, Event::Start(_)) {
                    stack.push(element);
                } else {
                    close(&mut stack, &mut root, element);
                }
            }
            Event::End(_) => {
                if let Some(element) = stack.pop() {
                    close(&mut stack, &mut root, element);
                }
            }
            Event::Text(t) => {
                let s = t.xml10_content().map_err(|_| syntax("undecodable text", start))?;
                push_text(&mut stack, &s, options, at(start))?;
            }
            Event::CData(t) => {
                let s = std::str::from_utf8(&t).map_err(|_| syntax("undecodable text", start))?;
                push_text(&mut stack, &s.replace("\r\n", "\n"), options, at(start))?;
            }
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        _ => return Err(syntax("invalid character reference", start)),
                    }
                } else {
                    match &*r {
                        b"amp" => '&',
                        b"lt" => '<',
                        b"gt" => '>',
                        b"quot" => '"',
                        b"apos" => '\'',
                        _ => {
                            return Err(fail(
                                options,
                                &rules::OPEN311_XML_ENTITY,
                                &[],
                                Some(at(start)),
                            ));
                        }
                    }
                };
                push_text(&mut stack, c.encode_utf8(&mut [0; 4]), options, at(start))?;
            }
            Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(syntax("the document ends inside an element", text.len()));
    }
    root.ok_or_else(|| syntax("no root element", 0))
}

/// quick-xml's error as a short phrase that quotes nothing of the document.
fn describe(e: &quick_xml::Error) -> &'static str {
    use quick_xml::errors::{Error as E, IllFormedError as I, SyntaxError as S};
    match e {
        E::Syntax(
            S::UnclosedTag
            | S::UnclosedComment
            | S::UnclosedCData
            | S::UnclosedDoctype
            | S::UnclosedPIOrXmlDecl,
        ) => "the document ends inside markup",
        E::Syntax(_) => "invalid markup",
        E::IllFormed(I::MismatchedEndTag { .. } | I::UnmatchedEndTag(_)) => {
            "an end tag does not match its start tag"
        }
        E::IllFormed(I::MissingEndTag(_)) => "an element is not closed",
        E::IllFormed(I::DoubleHyphenInComment) => "`--` inside a comment",
        E::IllFormed(_) => "ill-formed markup",
        E::Encoding(_) => "undecodable text",
        E::Escape(_) => "an invalid escape",
        _ => "unreadable markup",
    }
}

fn element(e: &BytesStart<'_>, pos: Pos) -> Result<Element, &'static str> {
    let name = std::str::from_utf8(e.local_name().into_inner()).map_err(|_| "undecodable name")?;
    let (mut key, mut kind) = (None, None);
    for attribute in e.attributes() {
        let attribute = attribute.map_err(|_| "an invalid attribute")?;
        let slot = match attribute.key.as_ref() {
            b"name" => &mut key,
            b"type" => &mut kind,
            _ => continue,
        };
        let value = attribute.unescape_value().map_err(|_| "an invalid attribute value")?;
        *slot = Some(value.into_owned());
    }
    let (name, text, children) = (name.to_owned(), String::new(), Vec::new());
    Ok(Element { name, key, kind, text, children, pos })
}

fn close(stack: &mut [Element], root: &mut Option<Element>, element: Element) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(element),
        None => *root = Some(element),
    }
}

fn push_text(stack: &mut [Element], s: &str, options: &Options, pos: Pos) -> Result<(), Report> {
    let Some(top) = stack.last_mut() else { return Ok(()) };
    let max = options.limits.max_string_length;
    if top.text.len() + s.len() > max {
        return Err(fail(
            options,
            &rules::LIMIT_STRING_LENGTH,
            &[("max", max.to_string())],
            Some(pos),
        ));
    }
    top.text.push_str(s);
    Ok(())
}

/// Writes XML text content: `&`, `<`, `>` escaped, and a carriage return as a character
/// reference, which an XML reader keeps (a literal one it would turn into a line feed).
pub(crate) fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

/// True when `s` can be an element name as written (a conservative subset of XML names).
pub(crate) fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !s.to_ascii_lowercase().starts_with("xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(r: &Report) -> Vec<&str> {
        r.issues.iter().map(|i| i.code).collect()
    }

    #[test]
    fn a_document_type_declaration_is_refused_before_any_entity() {
        let bomb = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><services>&lol2;</services>"#;
        let e = parse(bomb, &Options::default()).unwrap_err();
        assert_eq!(codes(&e), ["open311.xml_doctype"]);
        assert_eq!(e.issues[0].line, Some(1));
    }

    #[test]
    fn undefined_entities_and_other_encodings_are_refused() {
        let e = parse(b"<a>&ext;</a>", &Options::default()).unwrap_err();
        assert_eq!(codes(&e), ["open311.xml_entity"]);
        let e = parse(br#"<?xml version="1.0" encoding="ISO-8859-1"?><a/>"#, &Options::default())
            .unwrap_err();
        assert_eq!(codes(&e), ["open311.encoding"]);
        let e = parse(b"<a>\xe5</a>", &Options::default()).unwrap_err();
        assert_eq!(codes(&e), ["open311.invalid_utf8"]);
    }

    #[test]
    fn text_references_and_cdata_are_read() {
        let root =
            parse(b"<a><b>x &amp; &#229;<![CDATA[<y>]]></b><c/></a>", &Options::default()).unwrap();
        assert_eq!(root.children[0].text, "x & å<y>");
        assert_eq!(root.children[1].name, "c");
    }

    #[test]
    fn deep_nesting_stops_at_the_depth_limit() {
        let deep = "<a>".repeat(100_000);
        let e = parse(deep.as_bytes(), &Options::default()).unwrap_err();
        assert_eq!(codes(&e), ["limits.depth"]);
    }

    #[test]
    fn mismatched_tags_are_syntax_errors_that_quote_nothing() {
        let e = parse(b"<a><secret-name></a>", &Options::default()).unwrap_err();
        assert_eq!(codes(&e), ["open311.xml_syntax"]);
        assert!(!e.issues[0].message(kommun_intl::Lang::En).contains("secret"));
    }
}
