//! The page's own words, in both languages: headings, labels and the sentences around the data.
//! Templates read them as `t.<key>`; a municipality's own templates can use them too.

use std::collections::BTreeMap;

use kommun_intl::Lang;

/// Every key with its Swedish and English text.
const STRINGS: &[(&str, &str, &str)] = &[
    ("page_title", "Internationellt arbete", "International work"),
    ("skip", "Hoppa till innehållet", "Skip to the content"),
    ("contents", "Innehåll", "Contents"),
    (
        "kinds_heading",
        "Vad menar vi med internationellt arbete?",
        "What we mean by international work",
    ),
    ("partnerships_heading", "Vänorter och partnerskap", "Partner towns and partnerships"),
    ("current_partnerships", "Pågående samarbeten", "Current partnerships"),
    ("ended_partnerships", "Avslutade samarbeten", "Ended partnerships"),
    ("agreement", "Avtal", "Agreement"),
    ("areas", "Område", "Areas"),
    ("funding", "Finansiering", "Funding"),
    ("start", "Startår", "Since"),
    ("end", "Avslutat", "Ended"),
    ("planned_end", "Gäller till", "Runs until"),
    ("end_reason", "Anledning", "Reason"),
    ("status", "Status", "Status"),
    ("website", "Webbplats", "Website"),
    ("part_of", "Del av", "Part of"),
    ("network", "Nätverk", "Network"),
    ("local_parties", "Deltar här", "Taking part here"),
    ("timeline_title", "Tidslinje över partnerskapen", "Timeline of the partnerships"),
    (
        "timeline_desc",
        "Varje stapel visar ett partnerskap, från startåret till slutåret; ett pågående partnerskap går till högerkanten.",
        "Each bar shows one partnership, from the year it started to the year it ended; a current partnership runs to the right edge.",
    ),
    ("ongoing", "pågår", "ongoing"),
    (
        "no_known_start",
        "Inte med i tidslinjen (startår okänt)",
        "Not on the timeline (start not known)",
    ),
    ("networks_heading", "Nätverk och medlemskap", "Networks and memberships"),
    ("memberships", "Medlemskap", "Memberships"),
    ("networks", "Nätverk", "Networks"),
    ("members", "Medlemmar", "Members"),
    ("kind", "Typ", "Kind"),
    (
        "projects_heading",
        "Internationell samverkan och projekt",
        "International cooperation and projects",
    ),
    ("current_projects", "Aktuella projekt", "Current projects"),
    ("ended_projects", "Avslutade projekt", "Ended projects"),
    ("other_projects", "Planerade och övriga projekt", "Planned and other projects"),
    ("project", "Projekt", "Project"),
    ("units", "Verksamhet", "Units"),
    ("countries", "Deltagande länder", "Participating countries"),
    ("programme", "Program", "Programme"),
    ("budget", "Budget", "Budget"),
    ("period", "Period", "Period"),
    ("role", "Kommunens roll", "The municipality's role"),
    ("organisations", "Organisationer", "Organisations"),
    ("total", "totalt", "in total"),
    ("own_share", "egen insats", "own share"),
    ("in_kind", "i arbetstid", "in working time"),
    ("overview_title", "Projekt per program och land", "Projects by programme and country"),
    (
        "overview_desc",
        "Två stapeldiagram: antal projekt per program och antal projekt per deltagande land.",
        "Two bar charts: the number of projects per programme and per participating country.",
    ),
    ("by_programme", "Per program", "By programme"),
    ("by_country", "Per land", "By country"),
    ("number_of_projects", "Antal projekt", "Number of projects"),
    ("statistics_heading", "Internationellt arbete i siffror", "International work in figures"),
    ("year", "År", "Year"),
    ("measure", "Mått", "Measure"),
    ("value", "Värde", "Value"),
    ("contact_heading", "Kontakta oss", "Contact us"),
    ("address", "Adress", "Address"),
    ("phone", "Telefon", "Phone"),
    ("fax", "Fax", "Fax"),
    ("email", "E-post", "Email"),
    ("feedback_heading", "Tyck till", "Feedback"),
    ("sources_heading", "Källor", "Sources"),
    ("retrieved", "hämtad", "retrieved"),
    ("notes", "Om registret", "About the register"),
    (
        "generated",
        "Sidan är skapad ur kommunens register över sitt internationella arbete.",
        "This page is made from the municipality's register of its international work.",
    ),
    ("approximately", "cirka", "about"),
    ("text_equivalent", "Samma uppgifter i en tabell", "The same facts as a table"),
    ("partner", "Partner", "Partner"),
];

/// The texts of `lang`, by key.
pub(crate) fn strings(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    STRINGS.iter().map(|&(k, sv, en)| (k, if lang == Lang::Sv { sv } else { en })).collect()
}

/// One text by key.
pub(crate) fn get(key: &str, lang: Lang) -> &'static str {
    STRINGS
        .iter()
        .find(|(k, ..)| *k == key)
        .map_or("", |&(_, sv, en)| if lang == Lang::Sv { sv } else { en })
}

#[cfg(test)]
mod tests {
    /// Every key once, every text in both languages.
    #[test]
    fn keys_are_unique_and_texts_present() {
        let mut keys: Vec<&str> = super::STRINGS.iter().map(|s| s.0).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
        assert!(super::STRINGS.iter().all(|(_, sv, en)| !sv.is_empty() && !en.is_empty()));
    }
}
