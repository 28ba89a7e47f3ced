//! Citizen feedback ("Tyck till om kommunen"): praise, questions, suggestions and complaints.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Id, LongText, Personal, Text, Timestamp, null_as_default};
use super::geo::{Email, Phone};
use crate::validate::{Ctx, Validate, rules};

/// How to reach the person who wrote in. Every field is personal data; the whole struct can be
/// dropped to make a publishable copy. Leave it out for an anonymous submission (the default).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-personal-data" = true))]
pub struct Contact {
    /// The person's name.
    #[schemars(extend("x-personal-data" = true))]
    pub name: Option<Personal<Text>>,
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
#[schemars(extend("x-rules" = ["feedback.reply_needs_contact", "submission.in_future"]))]
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

impl Validate for Feedback {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("description", &self.description);
        ctx.check("concerns_unit", &self.concerns_unit);
        ctx.field("submitted_at", |ctx| self.submitted_at.check_submission(ctx));
        ctx.check("contact", &self.contact);
        if self.wants_reply && !self.contact.as_ref().is_some_and(Contact::can_reply) {
            ctx.report_at("wants_reply", &rules::FEEDBACK_REPLY_NEEDS_CONTACT, &[]);
        }
    }
}
