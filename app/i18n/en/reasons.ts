import type { Translation } from "../message";
import type { reasons as korean } from "../ko/reasons";

export const reasons = {
  "reason.listSeparator": ", ",
  "reason.answer": "{question} = {answer}",
  "reason.answerSeparator": "; ",

  "reason.classify.fallback":
    "The firm's industry ({division}) has no default class and no answers were given, so the firm is provisionally placed as {pavittClass}, the most common kind of small firm. Answer the three questions (sources of technology, appropriation, innovation focus) for a better fit.",
  "reason.classify.answers":
    "The firm's industry ({division}) has no default class, so the answers decide. They point to {pavittClass}: {answers}.",
  "reason.classify.default": "The firm's industry ({division}) is typically {pavittClass}.",
  "reason.classify.moved":
    "The answers point to {pavittClass}: {answers}. The firm is classed as {pavittClass} instead of the industry default.",
  "reason.classify.confirmed": "The answers agree: {answers}.",
  "reason.classify.kept":
    "Some answers ({answers}) point elsewhere, but not clearly enough to override the industry default; the firm stays {pavittClass}.",

  "reason.capability.researchers.driven":
    "{researchers} researchers ({share} of staff): research is a function of its own.",
  "reason.capability.researchers.following": {
    one: "{count} qualified scientist or engineer: the firm can absorb outside technology.",
    other: "{count} qualified scientists or engineers: the firm can absorb outside technology.",
  },
  "reason.capability.rnd_spend": "Spends {amount} on R&D.",
  "reason.capability.rnd_ratio.driven": "R&D is {ratio} of sales, at the venture-business level of 5% or more.",
  "reason.capability.rnd_ratio.following": "R&D is {ratio} of sales.",
  "reason.capability.patents": { one: "Holds {count} patent.", other: "Holds {count} patents." },
  "reason.capability.answers.both":
    "By your answers, your technology comes from your own R&D and you protect it with patents: the mark of an innovating firm, even without R&D figures.",
  "reason.capability.answers.own_rnd": "By your answers, your technology comes mainly from your own R&D.",
  "reason.capability.answers.patents": "By your answers, you protect your innovations with patents.",
  "reason.capability.certified": "{certification} certification recognises technology innovation.",
  "reason.capability.mainbiz": "{certification} certifies management innovation, so it says little about technology.",
  "reason.capability.size.following":
    "No technology facts given, so size stands in: a firm of {employees} employees can usually sustain some R&D.",
  "reason.capability.size.small":
    "No technology facts given, so size stands in: firms under 50 employees rarely sustain R&D. Enter researchers, R&D spending and patents for a better fit.",
  "reason.capability.result.technology_driven":
    "Technological capability: {capability}. The firm finds technology opportunities and inputs on its own.",
  "reason.capability.result.technology_following":
    "Technological capability: {capability}. This is the group regional innovation centers mainly serve.",
  "reason.capability.result.non_technological":
    "Technological capability: {capability}. Demonstrations of proven technology are the best place to start.",

  "reason.cooperation.open_innovation":
    "Technology-driven firms fit open innovation: work with large firms as a partner that supplies technology and is paid for it, in a long-term relationship.",
  "reason.cooperation.high_end_cooperation":
    "Technology-following firms fit high-end cooperation with large firms: joint R&D and technology cooperation.",
  "reason.cooperation.low_end_cooperation":
    "Non-technological firms fit basic cooperation with large firms: prompt payment and fair trade.",

  "reason.sme.no_rule": "No SME size rule covers KSIC division {division}, so SME status cannot be decided.",
  "reason.sme.employees.passes": "{employees} employees: under the {sector} SME limit of {limit}.",
  "reason.sme.employees.fails": "{employees} employees: at or over the {sector} SME limit of fewer than {limit}.",
  "reason.sme.capital.missing":
    "No capital figure given, so only the employee test applied ({sector}: capital of {limit} or less also qualifies).",
  "reason.sme.capital.passes": "Capital of {figure}: within the {sector} limit of {limit}.",
  "reason.sme.capital.fails": "Capital of {figure}: over the {sector} limit of {limit}.",
  "reason.sme.sales.missing":
    "No sales figure given, so only the employee test applied ({sector}: sales of {limit} or less also qualifies).",
  "reason.sme.sales.passes": "Sales of {figure}: within the {sector} limit of {limit}.",
  "reason.sme.sales.fails": "Sales of {figure}: over the {sector} limit of {limit}.",

  "reason.eligibility.sme.met": "For SMEs only, and the firm is an SME.",
  "reason.eligibility.sme.unknown":
    "For SMEs only, and no SME rule covers the firm's industry, so eligibility cannot be confirmed.",
  "reason.eligibility.sme.unmet": "For SMEs only, and the firm is not an SME.",
  "reason.eligibility.max_employees.met": "For firms of up to {cap} employees; the firm has {employees}.",
  "reason.eligibility.max_employees.unmet": "For firms of up to {cap} employees; the firm has {employees}.",
  "reason.eligibility.region.nationwide": "Open to firms nationwide.",
  "reason.eligibility.region.met": "Serves the firm's province or metropolitan city.",
  "reason.eligibility.region.unmet": "Does not serve the firm's province or metropolitan city.",
  "reason.eligibility.class.met": "Open to {pavittClass} firms.",
  "reason.eligibility.class.unmet": "Not open to {pavittClass} firms (for: {targets}).",
  "reason.eligibility.certification.met": "Holds one of the required certifications ({certifications}).",
  "reason.eligibility.certification.unmet": "Requires one of these certifications: {certifications}.",
  "reason.call.status.open": {
    one: "Open: closes in {count} day ({end}).",
    other: "Open: closes in {count} days ({end}).",
  },
  "reason.call.status.last_day": "Open: closes today ({end}).",
  "reason.call.status.rolling": "Rolling: open until further notice or until the budget runs out.",
  "reason.call.status.upcoming": "Opens on {start}.",
  "reason.call.status.closed": "Closed ({end}).",
  "reason.call.status.unknown": "The application window cannot be read, so the call is not shown as open.",
  "reason.call.status.withdrawn": "The portal's latest complete sync no longer lists it, so it is treated as closed.",
  "reason.call.region.met": "For firms located in {regions} ({field}: {value}); the firm is.",
  "reason.call.region.unmet": "Only firms located in {regions} may apply ({field}: {value}).",
  "reason.call.applicant.met": "Open to {types} ({field}): the firm can apply as {firmType}.",
  "reason.call.applicant.unmet": "Open to {types} ({field}): {firmType} is not among them.",
  "reason.call.pre_founder.met": "Pre-founders may apply ({field}).",
  "reason.call.pre_founder.unmet": "Only founded firms may apply ({field}).",
  "reason.call.age_unknown": "The call limits business age ({field}); enter the founding date (or year) to check it.",
  "reason.call.age.met": "{months} months in business: under the limit of {limit} ({field}).",
  "reason.call.age.unmet": "{months} months in business: not under the limit of {limit} ({field}).",
  "reason.call.founded_since.met": "Founded on or after {date}, as required ({field}).",
  "reason.call.founded_since.unmet": "Only firms founded on or after {date} may apply ({field}).",
  "reason.call.micro_size.passes":
    "{employees} regular employees: under the {sector} small-business-owner limit of {limit}.",
  "reason.call.micro_size.fails":
    "{employees} regular employees: at or over the {sector} small-business-owner limit of {limit}, so the firm counts as an SME.",
  "reason.call.months": "{years} years {months} months",
  "reason.call.years": "{years} years",
  "reason.call.startup_act": "the SME Start-up Act's seven years for a start-up",

  "reason.proximity.anywhere": "Applied for without visiting a particular place, so distance does not count.",
  "reason.proximity.unknown": "No location on record, so distance was not measured.",
  "reason.proximity.within_1km": "Within 1 km of the firm.",
  "reason.proximity.decay": "About {km} km from the firm.",
  "reason.proximity.cross_border":
    "Across the provincial border but within the same economic zone, so it is close at hand.",
  "reason.reach.beyond": {
    one: "Beyond your reach (about {km} km, outside your economic zone): shown because only {count} center is within {reachKm} km or your zone.",
    other:
      "Beyond your reach (about {km} km, outside your economic zone): shown because only {count} centers are within {reachKm} km or your zone.",
  },
  "reason.reach.beyond_sea": {
    one: "Across the sea from you: shown because only {count} center is within your reach.",
    other: "Across the sea from you: shown because only {count} centers are within your reach.",
  },
  "reason.proximity.same_region.facility": "In the firm's own province or metropolitan city.",
  "reason.proximity.same_region.program": "A regional program for the firm's own province or metropolitan city.",

  "reason.industry.named": "Works with the firm's industry ({division}).",
  "reason.industry.research": "Works in research and development, which serves science-based firms in any industry.",
  "reason.industry.anchor": "The anchor group {anchor} works in the firm's industry ({division}).",
  "reason.industry.region_strategic": "The firm's industry ({division}) is a strategic industry of this region.",
  "reason.industry.open": "Open to every industry.",
  "reason.industry.section": "Works with industries in the firm's broad sector.",

  "reason.stance.core_target.facility":
    "Specialized suppliers are the core target of regional innovation centers and technoparks: direct, individual advice and small-group sessions, and links to the right sources of technology.",
  "reason.stance.core_target.program":
    "Technology support of the kind specialized suppliers need; they are the core target of regional innovation support.",
  "reason.stance.extension_service":
    "Supplier-dominated firms get their technology from suppliers and extension services; this institute extends production technology to its industry through testing, prototypes and training.",
  "reason.stance.technology_source":
    "Research complexes, universities and incubators are sources of technology for specialized suppliers, best approached with a regional center's introduction.",
  "reason.stance.intermediary.facility":
    "Supplier-dominated firms are the regional centers' second target, best reached through intermediaries such as trade associations and suppliers, and through group presentations and demonstrations.",
  "reason.stance.intermediary.program":
    "Brings new technology through demonstrations, group sessions or intermediaries: the way that works for supplier-dominated firms.",
  "reason.stance.science_based":
    "Science-based firms are best served by research complexes, university technology licensing offices, patent information and venture finance.",
  "reason.stance.not_primary":
    "Science-based firms have strong research of their own and are not the main target of regional centers; they can take part as a source of technology for other firms.",
  "reason.stance.shared_growth":
    "Scale-intensive firms fit cooperation with large firms, and this listing runs large-firm shared-growth programs.",
  "reason.stance.shared_growth.anchor":
    "Scale-intensive firms fit cooperation with large firms; here the anchor group {anchor} runs shared-growth cooperation with SMEs.",
  "reason.stance.industrial_complex":
    "Scale-intensive SMEs are usually subcontractors of large firms; an industrial complex's network of large firms and shared infrastructure suits them.",
  "reason.stance.not_target":
    "Scale-intensive firms are clearly not the target of regional innovation centers; shared-growth cooperation with large firms fits better.",
  "reason.stance.program_target": "Designed for {pavittClass} firms.",

  "reason.level.capability": "Meant for {capability} firms.",
  "reason.level.finance": "Technology-driven firms gain most from level 3 support and finance.",
  "reason.level.fit": "Works at {level}, the right level for a {capability} firm.",
  "reason.level.near": "Works at {level}, one level from the level {wanted} that fits a {capability} firm.",

  "reason.delivery.fit": "Delivered through {modes}, which suits {pavittClass} firms.",
  "reason.needs.match": "Covers what the firm asked for: {needs}.",
} as const satisfies Translation<typeof korean>;
