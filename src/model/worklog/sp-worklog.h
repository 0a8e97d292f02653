/* sp-worklog.h — the work log (工作日志): a rep's daily entries, their summaries and the four
 * key management figures (四项重点管理)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-money.h"
#include "sp-store.h"
#include "sp-workload.h"

G_BEGIN_DECLS

#define SP_WORKLOG_ERROR (sp_worklog_error_quark ())

typedef enum
{
  SP_WORKLOG_ERROR_INVALID,      /* a value the field refuses; the message names the field,
                                  * quotes what was typed and says why */
  SP_WORKLOG_ERROR_OUT_OF_RANGE, /* a day outside the workspace's years */
  SP_WORKLOG_ERROR_UNKNOWN_REP,  /* no rep with that id */
} SpWorklogError;

/* The fields of an entry, in the order of the paper form (《工作日志表》). The five activities
 * come first and share their values with SpWorkloadStage; then the outcomes (counts and
 * money); then the four notes. */
typedef enum
{
  SP_WORKLOG_FIELD_PROSPECTS,        /* 准客户开发 (count) */
  SP_WORKLOG_FIELD_APPOINTMENTS,     /* 客户邀约与接洽 (count) */
  SP_WORKLOG_FIELD_PRESENTATIONS,    /* 产品(服务)说明 (count) */
  SP_WORKLOG_FIELD_OBJECTIONS,       /* 销售异议处理 (count) */
  SP_WORKLOG_FIELD_CLOSES,           /* 促成 (count) */
  SP_WORKLOG_FIELD_ORDERS,           /* 单量 (count) */
  SP_WORKLOG_FIELD_REVENUE,          /* 销售额/业绩 (money) */
  SP_WORKLOG_FIELD_NEW_CUSTOMERS,    /* 客户开发量 (count) */
  SP_WORKLOG_FIELD_REPEAT_PURCHASES, /* 复购量 (count) */
  SP_WORKLOG_FIELD_COLLECTED,        /* 回款 (money) */
  SP_WORKLOG_FIELD_SUMMARY,          /* 今日总结 (note) */
  SP_WORKLOG_FIELD_PROBLEMS,         /* 遇到的问题 (note) */
  SP_WORKLOG_FIELD_HELP_NEEDED,      /* 需要的帮助 (note) */
  SP_WORKLOG_FIELD_TOMORROW_PLAN,    /* 明日计划 (note) */
} SpWorklogField;

#define SP_WORKLOG_N_FIELDS     14
/* Fields below this one are numbers (counts or money), the others notes. */
#define SP_WORKLOG_FIRST_NOTE   SP_WORKLOG_FIELD_SUMMARY
#define SP_WORKLOG_N_VALUES     SP_WORKLOG_FIRST_NOTE
#define SP_WORKLOG_N_NOTES      (SP_WORKLOG_N_FIELDS - SP_WORKLOG_N_VALUES)

typedef enum
{
  SP_WORKLOG_KIND_COUNT,  /* a whole number, 0 … SP_WORKLOG_MAX_COUNT */
  SP_WORKLOG_KIND_MONEY,  /* minor units of the workspace currency, 0 … SP_WORKLOG_MAX_AMOUNT */
  SP_WORKLOG_KIND_NOTE,   /* free text (valid UTF-8, no trailing whitespace) */
} SpWorklogKind;

/* Upper bounds of one day's value: far above any real day, and low enough that five years of
 * daily entries of thousands of reps still sum inside gint64. */
#define SP_WORKLOG_MAX_COUNT  G_GINT64_CONSTANT (1000000000)
#define SP_WORKLOG_MAX_AMOUNT G_GINT64_CONSTANT (1000000000000)

/* A bit per activity (SpWorkloadStage) in a mask. */
#define SP_WORKLOG_STAGE_BIT(stage) (1u << (stage))

/* One rep's entry for one day. Initialise with sp_worklog_entry_init() (or zero it) and free
 * its notes with sp_worklog_entry_clear(); g_auto(SpWorklogEntry) does that. */
typedef struct
{
  gint64  rep_id;
  GDate   day;
  gint64  values[SP_WORKLOG_N_VALUES]; /* indexed by SpWorklogField */
  char   *notes[SP_WORKLOG_N_NOTES];   /* indexed by field - SP_WORKLOG_FIRST_NOTE; NULL = "" */
} SpWorklogEntry;

/* A row of the team's day grid. */
typedef struct
{
  gint64          rep_id;
  char           *rep_name;
  gint64          region_id;   /* the rep's region on that day; 0 without one */
  char           *region_name; /* NULL without a region */
  gboolean        exists;      /* whether the rep has an entry that day */
  SpWorklogEntry  entry;       /* zeros and empty notes when !exists */
} SpWorklogDayRow;

/* Totals of the entries of a period. */
typedef struct
{
  GDate  first;                        /* the period, both days included */
  GDate  last;
  gint64 totals[SP_WORKLOG_N_VALUES];  /* indexed by SpWorklogField */
  guint  entries;                      /* entries summed */
  guint  logged_days;                  /* distinct days with at least one entry */
} SpWorklogSummary;

/* One rep's totals of a period, from sp_worklog_summarize_reps(). */
typedef struct
{
  gint64           rep_id;
  gint64           region_id;  /* by region: the rep's region on the days summed (0 without
                                * one); else 0 */
  SpWorklogSummary summary;
} SpWorklogRepSummary;

typedef enum
{
  SP_WORKLOG_PERIOD_DAY,
  SP_WORKLOG_PERIOD_WEEK,   /* starting on the workspace's week start */
  SP_WORKLOG_PERIOD_MONTH,  /* calendar months */
} SpWorklogPeriod;

/* The four key management figures (四项重点管理) of a period. */
typedef struct
{
  GDate  first;
  GDate  last;
  gint64 new_customers;     /* customer development (客户开发量) */
  SpRate conversion;        /* conversion efficiency (转化效率): closes / prospects; den 0 = none */
  gint64 orders;            /* order count (单量) */
  gint64 repeat_purchases;  /* repeat purchase (复购量) */
} SpWorklogKeyFigures;

GQuark         sp_worklog_error_quark        (void);

/* Fields */

/* Stable, untranslated key: the column name, also used in CSV headers ("prospects", …,
 * "tomorrow_plan"). */
const char    *sp_worklog_field_get_key      (SpWorklogField      field);
/* Looks a field up by its key; FALSE for an unknown key. */
gboolean       sp_worklog_field_from_key     (const char         *key,
                                              SpWorklogField     *field);
/* Translated label ("Prospecting", "Tomorrow’s plan"); the five activities use
 * sp_workload_stage_get_name(). */
const char    *sp_worklog_field_get_label    (SpWorklogField      field);
SpWorklogKind  sp_worklog_field_get_kind     (SpWorklogField      field);

/* Parses what was typed into @field, as sp_worklog_set_field() does, without writing:
 *   counts: a whole number ≥ 0 with optional "," grouping ("12", " 12 ", "1,200", "12.0");
 *           full-width digits are read as digits; empty is 0.
 *   money:  sp_money_parse() in @currency, ≥ 0; empty is 0.
 *   notes:  any valid UTF-8, trailing whitespace removed.
 * Numbers go to @value (notes give 0), notes to @note (may be NULL for numbers; numbers
 * give NULL). A refusal → FALSE with SP_WORKLOG_ERROR_INVALID and a translated message
 * that names the field, quotes @text and says why. */
gboolean       sp_worklog_field_parse        (SpWorklogField      field,
                                              const char         *text,
                                              const SpCurrency   *currency,
                                              gint64             *value,
                                              char              **note,
                                              GError            **error);

/* Checks a number given for count or money field @field (not typed: CSV import, the team
 * grid) the way sp_worklog_field_parse() checks typed text: 0 … its maximum. */
gboolean       sp_worklog_field_check_value  (SpWorklogField      field,
                                              gint64              value,
                                              const SpCurrency   *currency,
                                              GError            **error);

/* Entries */

void           sp_worklog_entry_init         (SpWorklogEntry     *entry,
                                              gint64              rep_id,
                                              const GDate        *day);
void           sp_worklog_entry_clear        (SpWorklogEntry     *entry);
void           sp_worklog_entry_copy         (const SpWorklogEntry *src,
                                              SpWorklogEntry     *dest);
/* The note of a note field, never NULL. */
const char    *sp_worklog_entry_get_note     (const SpWorklogEntry *entry,
                                              SpWorklogField      field);
void           sp_worklog_entry_set_note     (SpWorklogEntry     *entry,
                                              SpWorklogField      field,
                                              const char         *note);

/* The days the work log accepts, both included:
 *   from the first day of the earliest plan's fiscal year minus 5 years (2000-01-01 without
 *   plans), to one year after the later of the latest plan's fiscal year end and today. */
gboolean       sp_worklog_get_day_range      (SpStore            *store,
                                              GDate              *first,
                                              GDate              *last,
                                              GError            **error);

/* Reads rep @rep_id's entry of @day into @out (always initialised: zeros when missing);
 * @exists tells whether there is one. */
gboolean       sp_worklog_get                (SpStore            *store,
                                              gint64              rep_id,
                                              const GDate        *day,
                                              SpWorklogEntry     *out,
                                              gboolean           *exists,
                                              GError            **error);

/* Saves one field typed by the user: parses @text (see sp_worklog_field_parse(), money in the
 * workspace currency), refuses an unknown rep and a day outside sp_worklog_get_day_range(),
 * creates the entry if the rep has none that day and writes that one field, as one undoable
 * edit ("Edit work log"). Writing the value the field already holds records nothing.
 * A refusal changes nothing. */
gboolean       sp_worklog_set_field          (SpStore            *store,
                                              gint64              rep_id,
                                              const GDate        *day,
                                              SpWorklogField      field,
                                              const char         *text,
                                              GError            **error);

/* Writes whole entries (creating or replacing each rep's entry of its day) as one undoable
 * edit: CSV import, the team grid. Each value is checked as above (counts and money within
 * 0 … their maximum, notes valid UTF-8 and stored without trailing whitespace); the first
 * refusal writes nothing at all. A later entry for the same rep and day wins. */
gboolean       sp_worklog_set_entries        (SpStore            *store,
                                              const SpWorklogEntry *entries,
                                              guint               n_entries,
                                              GError            **error);
gboolean       sp_worklog_set_entry          (SpStore            *store,
                                              const SpWorklogEntry *entry,
                                              GError            **error);

/* Removes rep @rep_id's entry of @day (an undoable edit); no entry is not an error. */
gboolean       sp_worklog_delete             (SpStore            *store,
                                              gint64              rep_id,
                                              const GDate        *day,
                                              GError            **error);

/* "Tomorrow's plan" of the rep's most recent entry before @day, whatever the gap (a weekend,
 * a holiday, leave): *@plan is its text (possibly "") and @plan_day its date; *@plan is NULL
 * (and @plan_day cleared) when the rep has no earlier entry. */
gboolean       sp_worklog_previous_plan      (SpStore            *store,
                                              gint64              rep_id,
                                              const GDate        *day,
                                              char              **plan,
                                              GDate              *plan_day,
                                              GError            **error);

/* The team's day grid: every rep employed on @day (hired on or before it, or without a hire
 * date, and not left before it) and every rep with an entry that day, by region then name.
 * @region_id 0 for all regions. An array of SpWorklogDayRow (freed with the array). */
GArray        *sp_worklog_list_day           (SpStore            *store,
                                              const GDate        *day,
                                              gint64              region_id,
                                              GError            **error);

/* Summaries (sp-worklog-summary.c). @rep_id 0 is the whole team; @region_id 0 all regions
 * (an entry belongs to the rep's region on its day). */

/* Totals of the entries from @from to @to inclusive. */
gboolean       sp_worklog_summarize          (SpStore            *store,
                                              gint64              rep_id,
                                              gint64              region_id,
                                              const GDate        *from,
                                              const GDate        *to,
                                              SpWorklogSummary   *out,
                                              GError            **error);
/* One summary per whole period (day, week from the workspace's week start, or calendar month)
 * that has at least one day in @from … @to, in order; each covers its whole period, so the
 * first and last may reach outside the range. An array of SpWorklogSummary. */
GArray        *sp_worklog_summarize_periods  (SpStore            *store,
                                              gint64              rep_id,
                                              gint64              region_id,
                                              SpWorklogPeriod     period,
                                              const GDate        *from,
                                              const GDate        *to,
                                              GError            **error);

/* Every rep's totals of the entries from @from to @to inclusive, in one query: an array of
 * SpWorklogRepSummary by rep id, only reps with at least one entry. With @by_region a rep who
 * changed region during the period has one element per region (an entry belongs to the
 * rep's region on its day), each equal to sp_worklog_summarize() for that rep and region;
 * without, one per rep, equal to sp_worklog_summarize() for the rep and all regions. */
GArray        *sp_worklog_summarize_reps     (SpStore            *store,
                                              const GDate        *from,
                                              const GDate        *to,
                                              gboolean            by_region,
                                              GError            **error);

/* The period just before @from … @to with the same length: the same number of whole calendar
 * months when the range is whole months (March → February, a quarter → the quarter before),
 * else the same number of days. */
void           sp_worklog_previous_period    (const GDate        *from,
                                              const GDate        *to,
                                              GDate              *prev_from,
                                              GDate              *prev_to);

/* The four key figures of @from … @to in @current and of sp_worklog_previous_period() in
 * @previous. */
gboolean       sp_worklog_key_figures        (SpStore            *store,
                                              gint64              rep_id,
                                              gint64              region_id,
                                              const GDate        *from,
                                              const GDate        *to,
                                              SpWorklogKeyFigures *current,
                                              SpWorklogKeyFigures *previous,
                                              GError            **error);

/* Which activities' daily average over @working_days falls below @required_per_day, an array
 * of SP_WORKLOAD_N_STAGES counts indexed by SpWorkloadStage (exact:
 * sum < required × working days). A mask of SP_WORKLOG_STAGE_BIT(); nothing is below over a
 * period without working days. */
guint          sp_worklog_activities_below   (const SpWorklogSummary *actual,
                                              guint               working_days,
                                              const gint64       *required_per_day);
/* The same for rep @rep_id (0: the team) from @from to @to, with the working days of the
 * workspace calendar (working weekdays, holidays). @required_per_day is typically
 * SpWorkload.per_day from sp_workload_compute(). @actual (may be NULL) gets the summary. */
gboolean       sp_worklog_below_required     (SpStore            *store,
                                              gint64              rep_id,
                                              const GDate        *from,
                                              const GDate        *to,
                                              const gint64       *required_per_day,
                                              guint              *below,
                                              SpWorklogSummary   *actual,
                                              GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpWorklogEntry, sp_worklog_entry_clear)

G_END_DECLS
