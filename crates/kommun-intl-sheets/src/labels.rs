//! Column and sheet labels in Swedish and English, by field name.
//!
//! The mapping between columns and fields comes from the compiled schema (see
//! [`crate::layout`]); this table only says what each field name is called in a header, so
//! that a steward can write `Avtalstyp` or `Agreement type` for `agreement_type`. A field with
//! no entry is headed by its name made readable (`end_reason` -> `End reason`); a test holds
//! the table to every field name of the register's schema.

/// `(field name, Swedish, English)`, sorted by field name.
pub(crate) const FIELDS: &[(&str, &str, &str)] = &[
    ("$schema", "Schema", "Schema"),
    ("acronym", "Förkortning", "Acronym"),
    ("action", "Åtgärd", "Action"),
    ("address", "Adress", "Address"),
    ("agreement", "Avtal", "Agreement"),
    ("agreement_type", "Avtalstyp", "Agreement type"),
    ("also", "Även", "Also"),
    ("alternatives", "Alternativ", "Alternatives"),
    ("amount", "Belopp", "Amount"),
    ("anonymous", "Anonymt", "Anonymous"),
    ("app_stores", "Appbutiker", "App stores"),
    ("appeal", "Överklagande", "Appeal"),
    ("applies_to", "Gäller", "Applies to"),
    ("approximate", "Ungefärligt", "Approximate"),
    ("areas", "Samarbetsområden", "Areas"),
    ("as_of", "Per datum", "As of"),
    ("as_written", "Som skrivet", "As written"),
    ("at", "Vid", "At"),
    ("attachments", "Bilagor", "Attachments"),
    ("body", "Organ", "Body"),
    ("budget", "Budget", "Budget"),
    ("call", "Utlysning", "Call"),
    ("categories", "Kategorier", "Categories"),
    ("category", "Kategori", "Category"),
    ("channels", "Kanaler", "Channels"),
    ("code", "Kod", "Code"),
    ("confidential_possible", "Sekretess möjlig", "Confidential possible"),
    ("contact_fields", "Kontaktfält", "Contact fields"),
    ("contractor", "Utförare", "Contractor"),
    ("count", "Antal", "Count"),
    ("countries", "Länder", "Countries"),
    ("country", "Land", "Country"),
    ("counts_stated", "Angivna antal", "Stated counts"),
    ("currency", "Valuta", "Currency"),
    ("data_logged", "Loggade uppgifter", "Data logged"),
    ("date", "Datum", "Date"),
    ("decisions", "Beslut", "Decisions"),
    ("delivery", "Leverans", "Delivery"),
    ("departments", "Förvaltningar", "Departments"),
    ("description", "Beskrivning", "Description"),
    ("duration", "Längd", "Duration"),
    ("eligibility", "Behörighet", "Eligibility"),
    ("email", "E-post", "E-mail"),
    ("en", "engelska", "English"),
    ("end", "Slut", "End"),
    ("end_reason", "Orsak till slut", "End reason"),
    ("excluded", "Undantaget", "Excluded"),
    ("extension", "Förlängning", "Extension"),
    ("external_ids", "Externa id", "External ids"),
    ("fax", "Fax", "Fax"),
    ("feedback_schemes", "Synpunktstjänster", "Feedback schemes"),
    ("first_contact", "Första kontakt", "First contact"),
    ("follows", "Följer på", "Follows"),
    ("form_fields", "Formulärfält", "Form fields"),
    ("former_country", "Tidigare land", "Former country"),
    ("former_subdivision", "Tidigare region", "Former subdivision"),
    ("forms", "Formulär", "Forms"),
    ("from", "Från", "From"),
    ("funder", "Finansiär", "Funder"),
    ("funders", "Finansiärer", "Funders"),
    ("funding", "Finansiering", "Funding"),
    ("grants", "Bidrag", "Grants"),
    ("handler", "Handläggare", "Handler"),
    ("handling", "Hantering", "Handling"),
    ("hours", "Timmar", "Hours"),
    ("id", "Id", "Id"),
    ("kind", "Slag", "Kind"),
    ("kinds_of_work", "Slag av arbete", "Kinds of work"),
    ("label", "Etikett", "Label"),
    ("lang", "Språk", "Language"),
    ("legal_basis", "Rättslig grund", "Legal basis"),
    ("level", "Nivå", "Level"),
    ("list_fields", "Listfält", "List fields"),
    ("local_parties", "Lokala parter", "Local parties"),
    ("locality", "Ort", "Locality"),
    ("location", "Plats", "Location"),
    ("locations", "Platser", "Locations"),
    ("managing_authority", "Förvaltande myndighet", "Managing authority"),
    ("measure", "Mått", "Measure"),
    ("members", "Medlemmar", "Members"),
    ("memberships", "Medlemskap", "Memberships"),
    ("moderation", "Moderering", "Moderation"),
    ("municipality", "Kommun", "Municipality"),
    ("municipality_code", "Kommunkod", "Municipality code"),
    ("name", "Namn", "Name"),
    ("names", "Namn (fler)", "Names"),
    ("network", "Nätverk (id)", "Network"),
    ("networks", "Nätverk", "Networks"),
    ("note", "Anmärkning", "Note"),
    ("notes", "Anteckningar", "Notes"),
    ("of", "Av", "Of"),
    ("on_call", "Jour", "On call"),
    ("organisation", "Organisation", "Organisation"),
    ("organisation_number", "Organisationsnummer", "Organisation number"),
    ("organisations", "Organisationer", "Organisations"),
    ("original_end", "Ursprungligt slut", "Original end"),
    ("other_parties", "Övriga parter", "Other parties"),
    ("outcome", "Utfall", "Outcome"),
    ("own_role", "Egen roll", "Own role"),
    ("own_share", "Egen andel", "Own share"),
    ("own_share_in_kind", "Egen andel i natura", "Own share in kind"),
    ("part_of", "Del av", "Part of"),
    ("participating_countries", "Deltagande länder", "Participating countries"),
    ("partner", "Partner", "Partner"),
    ("partnership", "Partnerskapet (id)", "Partnership (id)"),
    ("partnerships", "Partnerskap", "Partnerships"),
    ("period", "Period", "Period"),
    ("phase", "Fas", "Phase"),
    ("phases", "Faser", "Phases"),
    ("phone", "Telefon", "Phone"),
    ("planned_end", "Planerat slut", "Planned end"),
    ("postal_code", "Postnummer", "Postal code"),
    ("presidency", "Ordförandeskap", "Presidency"),
    ("priority", "Prioritering", "Priority"),
    ("programme", "Program", "Programme"),
    ("projects", "Projekt", "Projects"),
    ("proposals", "Förslag", "Proposals"),
    ("provisional", "Preliminärt", "Provisional"),
    ("public_record", "Allmän handling", "Public record"),
    ("publication", "Publicering", "Publication"),
    ("published", "Publicerat", "Published"),
    ("reason", "Skäl", "Reason"),
    ("reference", "Referens", "Reference"),
    ("renewals", "Förnyelser", "Renewals"),
    ("replaces", "Ersätter", "Replaces"),
    ("reply", "Svar", "Reply"),
    ("reporting", "Rapportering", "Reporting"),
    ("response_times", "Svarstider", "Response times"),
    ("responsible", "Ansvarig", "Responsible"),
    ("results", "Resultat", "Results"),
    ("retrieved", "Hämtad", "Retrieved"),
    ("role", "Roll", "Role"),
    ("rules", "Regler", "Rules"),
    ("rules_valid_from", "Regler gäller från", "Rules valid from"),
    ("scheme", "Tjänst", "Scheme"),
    ("scheme_name", "Tjänstens namn", "Scheme name"),
    ("service", "Tjänst (kod)", "Service"),
    ("signed", "Undertecknat", "Signed"),
    ("source", "Källa", "Source"),
    ("sources", "Källor", "Sources"),
    ("start", "Start", "Start"),
    ("stated_age", "Angiven ålder", "Stated age"),
    ("statistics", "Statistik", "Statistics"),
    ("status", "Status", "Status"),
    ("status_date", "Statusdatum", "Status date"),
    ("step", "Steg", "Step"),
    ("strand", "Delprogram", "Strand"),
    ("street_address", "Gatuadress", "Street address"),
    ("subdivision", "Region", "Subdivision"),
    ("succeeded_by", "Efterträdd av", "Succeeded by"),
    ("successor", "Efterträdare", "Successor"),
    ("summary", "Sammanfattning", "Summary"),
    ("support", "Stöd", "Support"),
    ("sv", "svenska", "Swedish"),
    ("system", "System", "System"),
    ("term", "Term", "Term"),
    ("text", "Text", "Text"),
    ("threshold", "Tröskel", "Threshold"),
    ("title", "Titel", "Title"),
    ("total", "Totalt", "Total"),
    ("type", "Typ", "Type"),
    ("unit", "Enhet", "Unit"),
    ("unit_choice", "Val av enhet", "Unit choice"),
    ("units", "Enheter", "Units"),
    ("until", "Till", "Until"),
    ("urgent_only", "Endast brådskande", "Urgent only"),
    ("url", "Webbadress", "URL"),
    ("value", "Värde", "Value"),
    ("website", "Webbplats", "Website"),
    ("wikidata", "Wikidata", "Wikidata"),
    ("within", "Inom", "Within"),
    ("working_days", "Arbetsdagar", "Working days"),
    ("years", "År", "Years"),
];

/// The sheet that holds the register's own fields (the municipality, notes), one per row.
pub(crate) const ROOT_SHEET: (&str, &str) = ("Kommun", "Municipality");

/// The sheets a template adds beside the register's (help, code lists): never read.
pub(crate) const ASIDE: &[&str] = &["Hjälp", "Help", "Koder", "Codes"];

/// True when a sheet is one of [`ASIDE`].
pub(crate) fn is_aside(sheet: &str) -> bool {
    let n = normalise(sheet);
    ASIDE.iter().any(|a| normalise(a) == n)
}

/// The Swedish and English labels of a field name.
pub(crate) fn field(name: &str) -> (String, String) {
    if let Ok(i) = FIELDS.binary_search_by(|(k, _, _)| (*k).cmp(name)) {
        (FIELDS[i].1.to_owned(), FIELDS[i].2.to_owned())
    } else {
        let readable = humanise(name);
        (readable.clone(), readable)
    }
}

/// `end_reason` -> `End reason`.
fn humanise(name: &str) -> String {
    let words = name.trim_start_matches('$').replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A header or sheet name as headers are compared: lower case, one space between words, the
/// dashes people type for " – " made one.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        let c = match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_for_lookup() {
        assert!(FIELDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(field("agreement_type").0, "Avtalstyp");
        assert_eq!(field("no_such_field").1, "No such field");
    }

    #[test]
    fn every_field_of_the_register_has_a_swedish_label() {
        let schema = kommun_intl::schema_for(kommun_intl::DocumentKind::Dataset);
        let mut names = std::collections::BTreeSet::new();
        let mut stack = vec![schema];
        while let Some(v) = stack.pop() {
            if let Some(o) = v.as_object() {
                if let Some(p) = o.get("properties").and_then(|p| p.as_object()) {
                    names.extend(p.keys().cloned());
                }
                stack.extend(o.values());
            } else if let Some(a) = v.as_array() {
                stack.extend(a);
            }
        }
        let missing: Vec<_> = names
            .iter()
            .filter(|n| FIELDS.binary_search_by(|(k, _, _)| k.cmp(&n.as_str())).is_err())
            .collect();
        assert!(missing.is_empty(), "no Swedish label for {missing:?}: add them to FIELDS");
    }

    #[test]
    fn headers_compare_without_case_and_spacing() {
        assert_eq!(normalise("  Partner —  Namn "), "partner - namn");
    }
}
