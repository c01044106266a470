/**
 * The built-in coding scheme: the provision types of the Peace Accords Matrix (Kroc Institute,
 * University of Notre Dame) and its four implementation levels. Names follow PAM's public list;
 * the one-line definitions are Parley's own wording, written from PAM's public documentation, so
 * that a team coding a commitment knows what each type covers.
 *
 * The 51 names were checked against PAM's public list of provision definitions
 * (peaceaccords.nd.edu/provisions) in December 2026: the same 51 types, PAM's names with its
 * slashes spelt as "or" ("Decentralization/Federalism" → "Decentralization or federalism") and
 * "Cease Fire" as "Ceasefire". The web app shows them translated (en, es, nb catalogues).
 *
 * The keys are stable (they are stored on commitments and written to exports): never rename one.
 */

/** An implementation level on PAM's scale. */
export type Level = 0 | 1 | 2 | 3;

/** Every level, lowest first. */
export const levels: readonly Level[] = [0, 1, 2, 3];

/** The name of each level, as PAM codes it. */
export const levelNames: Readonly<Record<Level, string>> = {
  0: 'not initiated',
  1: 'minimal',
  2: 'intermediate',
  3: 'complete',
};

/** Whether a number is a level. */
export const isLevel = (n: unknown): n is Level => n === 0 || n === 1 || n === 2 || n === 3;

/** One provision type of the scheme. */
export interface ProvisionType {
  /** Stable key, stored and exported. */
  key: string;
  /** PAM's name for it. */
  name: string;
  /** What it covers, in one line. */
  definition: string;
}

const t = (key: string, name: string, definition: string): ProvisionType => ({
  key,
  name,
  definition,
});

/** PAM's 51 provision types, alphabetically by name. */
export const pamProvisionTypes: readonly ProvisionType[] = [
  t(
    'amnesty',
    'Amnesty',
    'Legal exemption from prosecution for acts committed during the conflict.',
  ),
  t(
    'arms_embargo',
    'Arms embargo',
    'Limits on the supply or transfer of arms to the parties or to named groups.',
  ),
  t(
    'boundary_demarcation',
    'Boundary demarcation',
    'Fixing a disputed border or internal boundary on the ground.',
  ),
  t(
    'ceasefire',
    'Ceasefire',
    'The parties stop fighting and keep to the terms that regulate their forces.',
  ),
  t(
    'childrens_rights',
    "Children's rights",
    'Protection of children, including from recruitment, abuse and exploitation.',
  ),
  t(
    'citizenship_reform',
    'Citizenship reform',
    'Changes to who acquires or regains citizenship or residence.',
  ),
  t(
    'civil_administration_reform',
    'Civil administration reform',
    'Reform of the public service and how the state administers.',
  ),
  t(
    'commission_damage_loss',
    'Commission to address damage or loss',
    'A body that assesses and settles property and other losses from the conflict.',
  ),
  t(
    'constitutional_reform',
    'Constitutional reform',
    'Amendments to the constitution or a new constitution.',
  ),
  t(
    'cultural_protections',
    'Cultural protections',
    'Safeguards for the culture, religion or heritage of groups.',
  ),
  t(
    'decentralization',
    'Decentralization or federalism',
    'Transfer of powers to regions or local government.',
  ),
  t(
    'demobilization',
    'Demobilization',
    'Combatants leave their units through an organised process.',
  ),
  t(
    'implementation_timeline',
    'Detailed implementation timeline',
    'A schedule that sets when each part of the agreement is carried out.',
  ),
  t('disarmament', 'Disarmament', 'Collection, control and disposal of the weapons of combatants.'),
  t(
    'dispute_resolution',
    'Dispute resolution committee',
    'A body the parties use to settle disputes about the agreement.',
  ),
  t('donor_support', 'Donor support', 'Funding or other support pledged by outside donors.'),
  t(
    'economic_social_development',
    'Economic and social development',
    'Programmes for growth, livelihoods and services after the conflict.',
  ),
  t(
    'education_reform',
    'Education reform',
    'Changes to schooling, curricula or access to education.',
  ),
  t(
    'electoral_commission',
    'Electoral commission',
    'An independent body that organises and oversees elections.',
  ),
  t(
    'electoral_reform',
    'Electoral or political party reform',
    'Changes to electoral rules, party registration or participation.',
  ),
  t(
    'executive_reform',
    'Executive branch reform',
    'Changes to the powers or make-up of the executive.',
  ),
  t(
    'human_rights',
    'Human rights',
    'Commitments to respect and protect human rights, and bodies to uphold them.',
  ),
  t(
    'independence_referendum',
    'Independence referendum',
    'A vote on whether a territory becomes independent.',
  ),
  t(
    'indigenous_minority_rights',
    'Indigenous minority rights',
    'Rights and protections specific to indigenous peoples.',
  ),
  t(
    'inter_ethnic_relations',
    'Inter-ethnic or state relations',
    'Measures to improve relations between groups, or between them and the state.',
  ),
  t(
    'internally_displaced',
    'Internally displaced persons',
    'Return, resettlement and protection of people displaced within the country.',
  ),
  t(
    'judiciary_reform',
    'Judiciary reform',
    'Changes to the courts, judges and the administration of justice.',
  ),
  t(
    'legislative_reform',
    'Legislative branch reform',
    'Changes to the legislature, its seats or its powers.',
  ),
  t('media_reform', 'Media reform', 'Changes to media regulation, access and freedom.'),
  t(
    'military_reform',
    'Military reform',
    'Restructuring the armed forces, including integrating former combatants.',
  ),
  t(
    'minority_rights',
    'Minority rights',
    'Rights and protections for national, ethnic or religious minorities.',
  ),
  t(
    'natural_resources',
    'Natural resource management',
    'How land, minerals, water or revenues from them are shared and managed.',
  ),
  t(
    'official_language_symbols',
    'Official language and symbols',
    'Status of languages, flags and other state symbols.',
  ),
  t(
    'paramilitary_groups',
    'Paramilitary groups',
    'Disbanding or controlling armed groups outside the regular forces.',
  ),
  t('police_reform', 'Police reform', 'Restructuring, training or oversight of the police.'),
  t(
    'power_sharing_government',
    'Power-sharing transitional government',
    'A government in which the parties share posts during a transition.',
  ),
  t(
    'prisoner_release',
    'Prisoner release',
    'Release of people detained in connection with the conflict.',
  ),
  t(
    'ratification_mechanism',
    'Ratification mechanism',
    'How the agreement is approved: by parliament, a referendum or another body.',
  ),
  t('refugees', 'Refugees', 'Return and protection of people who fled the country.'),
  t(
    'regional_peacekeeping',
    'Regional peacekeeping force',
    'Troops from a regional organisation that keep the peace.',
  ),
  t('reintegration', 'Reintegration', 'Former combatants return to civilian life with support.'),
  t('reparations', 'Reparations', 'Compensation or other redress for victims of the conflict.'),
  t(
    'review_of_agreement',
    'Review of agreement',
    'A set moment or procedure for reviewing how the agreement works.',
  ),
  t(
    'self_determination',
    'Right of self-determination',
    'Recognition of a people’s right to decide its political status.',
  ),
  t(
    'territorial_power_sharing',
    'Territorial power-sharing',
    'Autonomy or self-government for a territory.',
  ),
  t(
    'truth_reconciliation',
    'Truth or reconciliation mechanism',
    'A body that establishes the facts of the conflict and promotes reconciliation.',
  ),
  t(
    'un_peacekeeping',
    'UN peacekeeping force',
    'United Nations troops deployed to keep the peace.',
  ),
  t(
    'un_transitional_authority',
    'UN transitional authority',
    'A United Nations mission that administers during a transition.',
  ),
  t(
    'verification_mechanism',
    'Verification or monitoring mechanism',
    'A body that checks and reports whether the agreement is carried out.',
  ),
  t('troop_withdrawal', 'Withdrawal of troops', 'Forces leave named areas or the country.'),
  t(
    'womens_rights',
    "Women's rights",
    'Rights and protections for women, including participation.',
  ),
];

/** A provision type by key, or undefined. */
export function provisionType(key: string): ProvisionType | undefined {
  return pamProvisionTypes.find((p) => p.key === key);
}
