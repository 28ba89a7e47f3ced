//! The page of a register: every fact of the Lidköping page in both languages, what is unknown
//! left out, everything escaped, templates overridable, nothing rendered from an invalid
//! register.

use std::path::Path;

use kommun_intl::Lang;
use kommun_intl_publish::{Error, Register, RenderOptions, render, render_with};

fn example() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/lidkoping.json"))
        .expect("examples/lidkoping.json")
}

fn page(text: &[u8], lang: Lang) -> String {
    let owned = Register::from_json(text).expect("a valid register");
    let out = tempfile::tempdir().unwrap();
    render(owned.register(), lang, out.path(), None).unwrap();
    std::fs::read_to_string(out.path().join("index.html")).unwrap()
}

/// The text of the page without its tags, entities decoded, white space collapsed: what a
/// reader sees.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace('\u{a0}', " ");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_fact_of_the_lidkoping_page_in_swedish() {
    let html = page(&example(), Lang::Sv);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    let text = visible(&html);
    for fact in [
        // Contact.
        "0510-77 00 00",
        "0510-77 03 40",
        "kommun@lidkoping.se",
        "Skaragatan 8",
        "531 88 Lidköping",
        // The six kinds of work.
        "Medlemskap i internationella organisationer och nätverk",
        "Projektsamarbete med andra kommuner och regioner",
        "Traditionellt vänortssamarbete",
        "ungdomsutbyten",
        "Bevakning av vår omvärld och informationsspridning",
        "Nätverksbyggande och affärsutvecklande utbyte",
        // The partner towns, with agreements, areas, funding and start.
        "Kecskemét, Ungern",
        "Utena, Litauen",
        "Rockford, Illinois, USA",
        "Xindu District, Chengdu, Kina",
        "Vänortsavtal",
        "Industriellt partnerskapsavtal",
        "Samarbetsavtal",
        "Äldre- och handikappomsorg",
        "Handel och småindustri",
        "Swedish-American Foundation",
        "Startår 2004",
        "Startår 1997",
        "Startår 2006",
        "Startår 2011",
        // The projects, with units, countries and programmes.
        "Jobbskuggning",
        "Barn & Skola",
        "Feel Better With a Book: Reading for Wellbeing in Old Age",
        "Biblioteket, SeniorCenter",
        "Green building A-Z",
        "Intern Service",
        "Särskolan VUX",
        "Utbyte med Zambia",
        "De la Gardiegymnasiet, Campus Lidköping",
        "Tyskland, Turkiet",
        "Norge, Danmark",
        "Italien, Belgien, Förenade kungariket, Slovakien",
        "Erasmus+",
        "Nordplus",
        "Athena",
        "Zambia",
        // The 2015 figures.
        "98",
        "cirka 1 800 000 kr",
    ] {
        assert!(text.contains(fact), "the Swedish page lacks {fact:?}:\n{text}");
    }
    // Green building A-Z twice: with different units and programmes.
    assert_eq!(text.matches("Green building A-Z").count(), 2, "{text}");
}

#[test]
fn the_english_page_marks_swedish_text() {
    let html = page(&example(), Lang::En);
    assert!(html.contains("<html lang=\"en\">"));
    let text = visible(&html);
    for fact in [
        "Twin-town (sister-city) agreement",
        "Kecskemét, Hungary",
        "Rockford, Illinois, United States",
        "Job shadowing",
        "Exchange with Zambia",
        "about SEK 1,800,000",
        "Number of international activities",
    ] {
        assert!(text.contains(fact), "the English page lacks {fact:?}:\n{text}");
    }
    // Unit names are Swedish, on an English page.
    assert!(html.contains("<span lang=\"sv\">Barn &amp; Skola</span>"), "{html}");
    // The whole page says it is English, so no English text is marked.
    assert_eq!(html.matches("lang=\"en\"").count(), 1, "{html}");
}

#[test]
fn unknown_facts_are_left_out_not_blank() {
    let text = br#"{"municipality": {"id": "lidkoping", "name": {"sv": "Lidk\u00f6pings kommun"},
        "municipality_code": "1494"},
        "partnerships": [{"id": "x", "partner": {"name": {"sv": "Utena"}, "country": "LT"}}],
        "projects": [{"id": "p", "title": {"sv": "Projekt X"}}]}"#;
    let html = page(text, Lang::Sv);
    // No empty definition, cell or list; no label without its value.
    for empty in ["<dd></dd>", "<td></td>", "<ul>\n</ul>", "Startår", "Avtal", "Område", "Program<"]
    {
        assert!(!html.contains(empty), "{empty:?} in\n{html}");
    }
    // Nothing to draw: no timeline, no overview.
    assert!(!html.contains("<svg"), "{html}");
    assert!(visible(&html).contains("Utena, Litauen"));
}

#[test]
fn everything_is_escaped() {
    let mut doc: serde_json::Value = serde_json::from_slice(&example()).unwrap();
    doc["projects"][0]["title"]["sv"] = "<script>alert(1)</script> & \"x\"".into();
    doc["municipality"]["units"][1]["name"] = "<img src=x onerror=alert(1)>".into();
    let html = page(&serde_json::to_vec(&doc).unwrap(), Lang::Sv);
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"), "{html}");
}

#[test]
fn an_invalid_register_renders_nothing() {
    let mut doc: serde_json::Value = serde_json::from_slice(&example()).unwrap();
    doc["partnerships"][0]["start"] = "2004-13".into();
    match Register::from_json(&serde_json::to_vec(&doc).unwrap()) {
        Err(Error::Invalid(report)) => {
            assert!(report.errors().any(|i| i.code == "date.format"), "{report:?}");
        }
        other => panic!("expected an invalid register, got {other:?}"),
    }
}

#[test]
fn templates_can_be_overridden() {
    let owned = Register::from_json(&example()).unwrap();
    let templates = tempfile::tempdir().unwrap();
    std::fs::write(
        templates.path().join("partnerships.html"),
        "<p id=\"own\">{% for g in partnerships %}{% for p in g.items %}{{ p.name.text }};{% endfor %}{% endfor %}</p>",
    )
    .unwrap();
    std::fs::write(templates.path().join("style.css"), "body { color: black; }").unwrap();
    let out = tempfile::tempdir().unwrap();
    let options = RenderOptions { templates: Some(templates.path().to_owned()), as_of: None };
    let site = render_with(owned.register(), Lang::Sv, out.path(), &options).unwrap();
    assert_eq!(site.files.len(), 2);
    let html = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(html.contains("<p id=\"own\">Utena;Kecskemét;Rockford;Xindu District;</p>"), "{html}");
    // The other templates are still the built-in ones.
    assert!(html.contains("Jobbskuggning"));
    assert_eq!(
        std::fs::read_to_string(out.path().join("style.css")).unwrap(),
        "body { color: black; }"
    );

    // A template that does not parse is an error, and nothing is written.
    std::fs::write(templates.path().join("index.html"), "{% if %}").unwrap();
    let empty = tempfile::tempdir().unwrap();
    let target = empty.path().join("site");
    match render_with(owned.register(), Lang::Sv, &target, &options) {
        Err(Error::Template { name, .. }) => assert_eq!(name, "index.html"),
        other => panic!("expected a template error, got {other:?}"),
    }
    assert!(!target.exists());
}

#[test]
fn pictures_have_text_equivalents() {
    let html = page(&example(), Lang::Sv);
    assert_eq!(html.matches("<svg").count(), 3, "a timeline and two charts");
    assert_eq!(html.matches("role=\"img\"").count(), 3);
    for id in ["timeline", "by-programme", "by-country"] {
        assert!(html.contains(&format!("aria-labelledby=\"{id}-title {id}-desc\"")), "{id}");
    }
    assert!(!html.contains("<script"));
    let text = visible(&html);
    // The timeline's table: each partnership with its period.
    assert!(text.contains("Utena, Litauen Vänortsavtal 1997–, pågår"), "{text}");
    // The charts' tables: Erasmus+ has two projects.
    assert!(text.contains("Erasmus+ 2"), "{text}");
}
