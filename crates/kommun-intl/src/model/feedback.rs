//! Citizen feedback ("Tyck till om kommunen"): praise, questions, suggestions and complaints.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{
    Duration, Id, LongText, PartialDate, Personal, Source, Text, Timestamp, Url, null_as_default,
};
use super::geo::{Email, Phone};
use crate::schema::compiled::Codes;
use crate::validate::{Ctx, Validate, rules};

/// How to reach the person who wrote in. Every field is personal data; the whole struct can be
/// dropped to make a publishable copy. Leave it out for an anonymous submission (the default).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-personal-data" = true))]
pub struct Contact {
    /// The person's name, as one text.
    #[schemars(extend("x-personal-data" = true))]
    pub name: Option<Personal<Text>>,
    /// The person's first name, where a form asks for it apart (Open311 `first_name`).
    #[schemars(extend("x-personal-data" = true))]
    pub first_name: Option<Personal<Text>>,
    /// The person's last name (Open311 `last_name`).
    #[schemars(extend("x-personal-data" = true))]
    pub last_name: Option<Personal<Text>>,
    /// An e-mail address for the reply.
    #[schemars(extend("x-personal-data" = true))]
    pub email: Option<Personal<Email>>,
    /// A phone number for the reply.
    #[schemars(extend("x-personal-data" = true))]
    pub phone: Option<Personal<Phone>>,
}

impl Contact {
    /// True when a reply can be sent: there is an e-mail address or a phone number.
    #[must_use]
    pub fn can_reply(&self) -> bool {
        self.email.is_some() || self.phone.is_some()
    }
}

impl Validate for Contact {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("name", &self.name);
        ctx.check("first_name", &self.first_name);
        ctx.check("last_name", &self.last_name);
        ctx.check("email", &self.email);
        ctx.check("phone", &self.phone);
    }
}

crate::codelist! {
    /// What kind of feedback it is.
    pub enum FeedbackCategory {
        /// Praise, *beröm*.
        Praise = "praise", sv: "Beröm", en: "Praise";
        /// A question, *fråga*.
        Question = "question", sv: "Fråga", en: "Question";
        /// A suggestion, *förslag*.
        Suggestion = "suggestion", sv: "Förslag", en: "Suggestion";
        /// A complaint, *klagomål*.
        Complaint = "complaint", sv: "Klagomål", en: "Complaint";
        /// A view or opinion, *synpunkt*: what Swedish e-services ask for beside praise and
        /// complaints ("Lämna en synpunkt").
        View = "view", sv: "Synpunkt", en: "View or opinion";
        /// A fault report sent as feedback (*felanmälan*), where the e-service takes both.
        FaultReport = "fault_report", sv: "Felanmälan", en: "Fault report";
        /// Something else.
        Other = "other", sv: "Annat", en: "Other";
    }
}

crate::codelist! {
    /// How the feedback reached the municipality.
    pub enum Channel {
        /// The web form.
        Web = "web", sv: "Webbformulär", en: "Web form";
        /// E-mail.
        Email = "email", sv: "E-post", en: "E-mail";
        /// Phone.
        Phone = "phone", sv: "Telefon", en: "Phone";
        /// Letter.
        Letter = "letter", sv: "Brev", en: "Letter";
        /// A visit.
        Visit = "visit", sv: "Besök", en: "Visit";
        /// The municipality's app.
        App = "app", sv: "App", en: "App";
        /// A text message.
        Sms = "sms", sv: "SMS", en: "Text message";
        /// Fax.
        Fax = "fax", sv: "Fax", en: "Fax";
        /// Social media (a message on Facebook, Instagram, X).
        SocialMedia = "social_media", sv: "Sociala medier", en: "Social media";
        /// A service run by someone else (`FixaMinGata`, `DeDu`): name it in `service`.
        ThirdParty = "third_party", sv: "Tjänst som drivs av någon annan", en: "Third-party service";
    }
}

crate::codelist! {
    /// Where the handling of the feedback stands (Open311: the first two are `open`, the last
    /// two `closed`).
    pub enum FeedbackStatus {
        /// Received.
        Received = "received", sv: "Inkommen", en: "Received";
        /// Assigned to a department.
        Assigned = "assigned", sv: "Fördelad till förvaltning", en: "Assigned to a department";
        /// Answered.
        Answered = "answered", sv: "Besvarad", en: "Answered";
        /// Closed.
        Closed = "closed", sv: "Avslutad", en: "Closed";
    }
}

// `codelist!` declares the enum, so `#[derive(Default)]` cannot mark the variant.
#[allow(clippy::derivable_impls)]
impl Default for FeedbackStatus {
    fn default() -> Self {
        FeedbackStatus::Received
    }
}

/// One piece of feedback sent to the municipality ("Tyck till").
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["feedback.reply_needs_contact", "feedback.category_not_offered", "feedback.channel_not_offered", "feedback.unknown_unit", "submission.in_future"]))]
pub struct Feedback {
    /// The JSON Schema this document follows, when it stands alone.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The case id (*diarienummer*), once there is one.
    pub id: Option<Text>,
    /// What kind of feedback.
    pub category: FeedbackCategory,
    /// What the person wrote (personal data: it may name people).
    pub description: Personal<LongText>,
    /// The unit it concerns (an id of `municipality.units`).
    pub concerns_unit: Option<Id>,
    /// How it arrived.
    pub channel: Channel,
    /// The named service it came through, for a third-party channel (`FixaMinGata`).
    pub service: Option<Text>,
    /// When it arrived.
    pub submitted_at: Timestamp,
    /// How to reach the sender; leave out for an anonymous submission.
    pub contact: Option<Contact>,
    /// True when the sender wants a reply (needs an e-mail address or phone number).
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "null_as_default"
    )]
    #[schemars(with = "Option<bool>", extend("default" = false))]
    pub wants_reply: bool,
    /// Where the handling stands.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<FeedbackStatus>")]
    pub status: FeedbackStatus,
}

impl Feedback {
    /// Feedback with what every piece has (category, description, channel, time) and nothing
    /// else: anonymous, no reply wanted, status `received`. Set the rest with struct update:
    ///
    /// ```
    /// use kommun_intl::Validate;
    /// use kommun_intl::model::{Channel, Contact, Feedback, FeedbackCategory};
    ///
    /// let feedback = Feedback {
    ///     wants_reply: true,
    ///     contact: Some(Contact { email: Some("anna@example.se".into()), ..Contact::default() }),
    ///     ..Feedback::new(
    ///         FeedbackCategory::Question,
    ///         "När öppnar biblioteket?",
    ///         Channel::Web,
    ///         "2026-11-28T09:30:00+01:00",
    ///     )
    /// };
    /// assert!(feedback.validate().is_clean());
    /// ```
    #[must_use]
    pub fn new(
        category: FeedbackCategory,
        description: impl Into<LongText>,
        channel: Channel,
        submitted_at: impl Into<Timestamp>,
    ) -> Feedback {
        Feedback {
            schema: None,
            id: None,
            category,
            description: Personal::new(description.into()),
            concerns_unit: None,
            channel,
            service: None,
            submitted_at: submitted_at.into(),
            contact: None,
            wants_reply: false,
            status: FeedbackStatus::default(),
        }
    }

    /// The category, channel and unit against the municipality's profile.
    fn check_offered(&self, ctx: &mut Ctx) {
        let profile = ctx.profile();
        let unknown = |ctx: &mut Ctx, name, rule, value: &str, codes: Codes| {
            let mut params = vec![("value", value.chars().take(60).collect())];
            params.extend(codes.hints(value));
            ctx.report_at(name, rule, &params);
        };
        if !profile.offers_category(self.category) {
            let rule = &rules::FEEDBACK_CATEGORY_NOT_OFFERED;
            unknown(ctx, "category", rule, self.category.code(), profile.category_codes());
        }
        if !profile.offers_channel(self.channel) {
            let rule = &rules::FEEDBACK_CHANNEL_NOT_OFFERED;
            unknown(ctx, "channel", rule, self.channel.code(), profile.channel_codes());
        }
        if let Some(unit) = &self.concerns_unit
            && !profile.units.is_empty()
            && !profile.units.iter().any(|u| u.id == *unit)
        {
            let rule = &rules::FEEDBACK_UNKNOWN_UNIT;
            unknown(ctx, "concerns_unit", rule, unit.as_str(), profile.unit_codes());
        }
    }
}

impl Validate for Feedback {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("description", &self.description);
        ctx.check("concerns_unit", &self.concerns_unit);
        self.check_offered(ctx);
        ctx.check("service", &self.service);
        ctx.field("submitted_at", |ctx| self.submitted_at.check_submission(ctx));
        ctx.check("contact", &self.contact);
        if self.wants_reply && !self.contact.as_ref().is_some_and(Contact::can_reply) {
            ctx.report_at("wants_reply", &rules::FEEDBACK_REPLY_NEEDS_CONTACT, &[]);
        }
    }
}

crate::codelist! {
    /// A field of contact details an e-service asks for.
    pub enum ContactField {
        /// A name.
        Name = "name", sv: "Namn", en: "Name";
        /// An e-mail address.
        Email = "email", sv: "E-post", en: "E-mail";
        /// A phone number.
        Phone = "phone", sv: "Telefon", en: "Phone";
        /// A postal address.
        Address = "address", sv: "Adress", en: "Postal address";
    }
}

crate::codelist! {
    /// A step in handling feedback.
    pub enum HandlingStep {
        /// A confirmation that it has arrived.
        Acknowledgement = "acknowledgement", sv: "Bekräftelse", en: "Acknowledgement";
        /// An answer.
        Answer = "answer", sv: "Svar", en: "Answer";
        /// A decision or a fix (a fault repaired).
        Decision = "decision", sv: "Beslut eller åtgärd", en: "Decision or fix";
    }
}

/// A handling time an e-service promises.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseTime {
    /// Which step.
    pub step: Option<HandlingStep>,
    /// Within how long (`P2D`).
    pub within: Duration,
    /// True when the days are working days.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub working_days: bool,
    /// The categories it applies to, if not all.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub applies_to: Option<Vec<FeedbackCategory>>,
}

impl Validate for ResponseTime {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("within", &self.within);
        ctx.check_set("applies_to", self.applies_to.as_deref());
    }
}

/// One category an e-service offers, as it names and explains it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemeCategory {
    /// The category.
    pub code: FeedbackCategory,
    /// Its name in the e-service (`Negativ synpunkt`, `Förbättringsförslag`).
    pub label: Option<Text>,
    /// The e-service's own explanation of it.
    pub description: Option<LongText>,
}

impl Validate for SchemeCategory {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("label", &self.label);
        ctx.check("description", &self.description);
    }
}

crate::codelist! {
    /// A store an app is offered in.
    pub enum AppStore {
        /// Apple's App Store.
        Apple = "apple", sv: "App Store", en: "App Store";
        /// Google Play.
        Google = "google", sv: "Google Play", en: "Google Play";
        /// Microsoft's store.
        Microsoft = "microsoft", sv: "Microsoft Store", en: "Microsoft Store";
    }
}

/// One way to reach an e-service.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemeChannel {
    /// The channel.
    pub code: Channel,
    /// The named service behind it (`FixaMinGata`).
    pub service: Option<Text>,
    /// Where an app is offered.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub app_stores: Option<Vec<AppStore>>,
    /// When it is open, as the municipality writes it (`vardagar 8-16`).
    pub hours: Option<Text>,
    /// True when it is only for urgent matters (a phone number for faults that cannot wait).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub urgent_only: bool,
}

impl Validate for SchemeChannel {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("service", &self.service);
        ctx.check_set("app_stores", self.app_stores.as_deref());
        ctx.check("hours", &self.hours);
    }
}

/// How an e-service's submissions are handled, as the municipality describes it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemeHandling {
    /// Who receives and handles them (`berörd förvaltning`, `Kanslienheten`).
    pub handler: Option<Text>,
    /// How a submission reaches the one who handles it (`e-post till rätt förvaltning`).
    pub delivery: Option<Text>,
    /// A contractor who carries out the repairs reported.
    pub contractor: Option<Text>,
    /// How they are reported to the politicians (`minst två gånger om året`).
    pub reporting: Option<Text>,
    /// What is checked or removed before anything is published.
    pub moderation: Option<Text>,
    /// True when submissions become public records (*allmänna handlingar*).
    pub public_record: Option<bool>,
    /// True when a submission with sensitive data can be classified secret.
    pub confidential_possible: Option<bool>,
    /// True when submissions or their answers are published on the website.
    pub published: Option<bool>,
    /// What the form stores besides what is written (`IP-adress`).
    #[schemars(length(min = 1))]
    pub data_logged: Option<Vec<Text>>,
    /// A round-the-clock standby for urgent matters.
    pub on_call: Option<bool>,
    /// Where to appeal a decision instead (*överklagande*).
    pub appeal: Option<Text>,
}

impl Validate for SchemeHandling {
    fn validate_into(&self, ctx: &mut Ctx) {
        for (name, text) in [
            ("handler", &self.handler),
            ("delivery", &self.delivery),
            ("contractor", &self.contractor),
            ("reporting", &self.reporting),
            ("moderation", &self.moderation),
            ("appeal", &self.appeal),
        ] {
            ctx.check(name, text);
        }
        ctx.check("data_logged", &self.data_logged);
    }
}

/// A count of submissions an e-service reports (for a year, of a category).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemeCount {
    /// The period counted (`2022`).
    pub period: PartialDate,
    /// How many.
    #[schemars(range(min = 0, max = 4_294_967_295_u32))]
    pub count: u32,
    /// Of which category, if not all.
    pub category: Option<FeedbackCategory>,
}

impl Validate for SchemeCount {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("period", &self.period);
    }
}

/// A municipality's e-service for feedback ("Synpunkter och klagomål", "Tyck till"): the
/// categories and channels it offers, what it asks for, what it promises and how it handles
/// what arrives. A register can carry it, as it carries its units, so that the feedback it
/// receives can be checked against what it offers.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = [
    "list.duplicate_record",
    "record.unknown_pointer",
    "record.alternative_invalid"
]))]
pub struct FeedbackScheme {
    /// The scheme's id.
    pub id: Id,
    /// Its name (`Synpunkter och klagomål`).
    pub name: Option<Text>,
    /// Its page.
    pub url: Option<Url>,
    /// The categories it offers.
    #[schemars(length(min = 1))]
    pub categories: Option<Vec<SchemeCategory>>,
    /// The channels it can be reached by.
    #[schemars(length(min = 1))]
    pub channels: Option<Vec<SchemeChannel>>,
    /// The system or service behind it (`Infracontrol Online`, `FixaMinGata`).
    pub system: Option<Text>,
    /// True when anonymous submissions are taken.
    pub anonymous: Option<bool>,
    /// True when the sender can ask for an answer.
    pub reply: Option<bool>,
    /// The contact details it asks for.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub contact_fields: Option<Vec<ContactField>>,
    /// Other fields of its form (`Rubrik`, `Typ av fel`, `Stolpnummer`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub form_fields: Option<Vec<Text>>,
    /// Named paper or PDF forms (`Klagomålsblankett`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub forms: Option<Vec<Text>>,
    /// True when the sender chooses the unit the feedback is about.
    pub unit_choice: Option<bool>,
    /// True when pictures or files can be attached.
    pub attachments: Option<bool>,
    /// True when a place can be given (on a map or as an address).
    pub location: Option<bool>,
    /// The handling times it promises.
    #[schemars(length(min = 1))]
    pub response_times: Option<Vec<ResponseTime>>,
    /// How submissions are handled.
    pub handling: Option<SchemeHandling>,
    /// What it does not handle (`Överklagande av beslut`, `friskolor`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub excluded: Option<Vec<Text>>,
    /// Rules for those who write in (`ett ärende per synpunkt`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub rules: Option<Vec<Text>>,
    /// The laws it names (`skollagen 4 kap. 8 §`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub legal_basis: Option<Vec<Text>>,
    /// The kinds of citizen proposal it takes, with their rules.
    #[schemars(length(min = 1))]
    pub proposals: Option<Vec<crate::model::proposal::ProposalScheme>>,
    /// When it was launched.
    pub start: Option<PartialDate>,
    /// From when its written rules apply.
    pub rules_valid_from: Option<PartialDate>,
    /// Counts of submissions it reports.
    #[schemars(length(min = 1))]
    pub statistics: Option<Vec<SchemeCount>>,
    /// The source's own words for its values, by pointer.
    #[schemars(length(min = 1))]
    pub as_written: Option<Vec<crate::model::record::AsWritten>>,
    /// Values other sources give, where they disagree.
    #[schemars(length(min = 1))]
    pub alternatives: Option<Vec<crate::model::record::Alternative>>,
    /// Notes.
    pub notes: Option<Text>,
    /// Where the facts come from.
    #[schemars(length(min = 1))]
    pub sources: Option<Vec<Source>>,
}

impl Validate for FeedbackScheme {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("name", &self.name);
        ctx.check("url", &self.url);
        ctx.check("categories", &self.categories);
        ctx.check_records("categories", self.categories.as_deref());
        ctx.check("channels", &self.channels);
        ctx.check_records("channels", self.channels.as_deref());
        ctx.check("system", &self.system);
        ctx.check_set("contact_fields", self.contact_fields.as_deref());
        for (name, list) in [
            ("form_fields", &self.form_fields),
            ("forms", &self.forms),
            ("excluded", &self.excluded),
            ("rules", &self.rules),
            ("legal_basis", &self.legal_basis),
        ] {
            ctx.check(name, list);
            ctx.check_set(name, list.as_deref());
        }
        ctx.check("response_times", &self.response_times);
        ctx.check("handling", &self.handling);
        ctx.check("proposals", &self.proposals);
        ctx.check("start", &self.start);
        ctx.check("rules_valid_from", &self.rules_valid_from);
        ctx.check("statistics", &self.statistics);
        crate::model::record::check_annotations(
            ctx,
            (crate::document::DocumentKind::Dataset, "FeedbackScheme"),
            self.as_written.as_deref(),
            self.alternatives.as_deref(),
        );
        ctx.check("notes", &self.notes);
        ctx.check("sources", &self.sources);
        ctx.check_records("sources", self.sources.as_deref());
    }
}
