/* sp-breakdown.h — a plan's target broken down by time and by team, region, rep, product and
 * customer type (销售目标分解), kept in the breakdown_cell table, with live edits that rebalance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-allocation.h"
#include "sp-store.h"

G_BEGIN_DECLS

/* The breakdown of one plan, as DOMAIN.md §2 says:
 *
 * Time. The year is split over its 12 fiscal months directly by the time weights; a quarter
 * is the sum of its months. A month is split over its working days (equal per working day,
 * largest remainder, ties to the earlier day) and a week is the sum of its days, so a week
 * that straddles two months takes a part from each, and a week at the edge of the fiscal
 * year counts only its in-year days.
 *
 * Dimensions. The team's year is split over the regions, each region's over its reps (the
 * reps employed at some time in the fiscal year), and the team's year over the products and
 * over the customer types, each by its weight source. Each member's months come from a
 * two-way table (members x months) whose row totals are the members' years and whose column
 * totals are the parent's months, filled by IPF from a seed (history or equal). A member's
 * weeks come likewise from a table (members x the parts of the month's weeks) per month, so
 * that the members add up exactly to their parent in every year, quarter, month and week.
 *
 * Members not on the team all year (DOMAIN.md §2). A rep is on the team from hired_on to
 * left_on inclusive: their months, weeks and days outside are 0 and stay 0 through every
 * edit (an amount there is refused with SP_BREAKDOWN_ERROR_INVALID); a region from its first
 * rep's first day to its last rep's last. A rep's year weight is w x a: a their working days
 * on the team in the year (each times its month's ramp-up factor, plan.ramp_factors), w 1
 * for EQUAL and HEADCOUNT, and for HISTORY their history total over the basis years, or the
 * mean w of their region's reps who were on the team all through the basis years when they
 * were not (a new hire); CUSTOM weights are taken as typed. A rep's year never exceeds what
 * the region has in the months they are there: above that it is held there and the others
 * take the rest. In the two-way tables a month a member has no history in is seeded with
 * their row weight (history total, or the mean as above) x the team's month share, never 0;
 * a month counts for its working days on the team over its working days, times its ramp-up
 * factor, and a month without a working day on the team is 0. Within a month, a rep's days
 * take equal parts per working day on the team.
 *
 * Stored: every year, quarter, month and week cell of every member (quarters are stored as
 * the sums of their months, so they can carry a lock). Days are not stored: a day is its
 * week's part of the month split equally over its working days (for the team this is exactly
 * the month's split over its working days).
 *
 * Edits. Setting a cell rebalances its unlocked siblings by their weights (months: the time
 * weights, or the member's seed row; members: their weights; weeks: working days), then
 * re-derives everything below it. Locked cells keep their value. Inside a locked quarter a
 * month's siblings are the quarter's other months; elsewhere the months of locked quarters
 * keep their values. A member's edit keeps its parent whole: the other members absorb the
 * change through the two-way tables. Editing the team's year changes the plan's target.
 * A set of locks that cannot be met is refused with SP_ALLOCATION_ERROR_LOCKS_EXCEED
 * (@out_excess > 0: over by that much) or SP_ALLOCATION_ERROR_ALL_LOCKED (@out_excess < 0:
 * short by that much) and nothing changes. Every edit is one undo step. */

#define SP_BREAKDOWN_ERROR (sp_breakdown_error_quark ())

typedef enum
{
  SP_BREAKDOWN_ERROR_NOT_FOUND,   /* no such plan, member or period */
  SP_BREAKDOWN_ERROR_EMPTY,       /* the plan has not been broken down yet */
  SP_BREAKDOWN_ERROR_STALE,       /* the calendar or the team changed since: break it down again */
  SP_BREAKDOWN_ERROR_INVALID,     /* a negative amount, a day cell, options that cannot apply */
} SpBreakdownError;

GQuark sp_breakdown_error_quark (void);

/* The nicks are the strings stored in breakdown_cell.dimension and .period_kind. */
typedef enum
{
  SP_BREAKDOWN_DIMENSION_TEAM,           /* "team": member 0, the whole team */
  SP_BREAKDOWN_DIMENSION_REGION,         /* "region" */
  SP_BREAKDOWN_DIMENSION_REP,            /* "rep" */
  SP_BREAKDOWN_DIMENSION_PRODUCT,        /* "product" */
  SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE,  /* "customer_type" */
} SpBreakdownDimension;

#define SP_BREAKDOWN_N_DIMENSIONS 5

typedef enum
{
  SP_BREAKDOWN_PERIOD_YEAR,     /* "year" */
  SP_BREAKDOWN_PERIOD_QUARTER,  /* "quarter" */
  SP_BREAKDOWN_PERIOD_MONTH,    /* "month" */
  SP_BREAKDOWN_PERIOD_WEEK,     /* "week" */
  SP_BREAKDOWN_PERIOD_DAY,      /* "day" (computed, never stored or edited) */
} SpBreakdownPeriod;

const char *sp_breakdown_dimension_to_string       (SpBreakdownDimension  dimension);
gboolean    sp_breakdown_dimension_from_string     (const char           *text,
                                                    SpBreakdownDimension *out);
/* Translated: "Team", "Region", "Rep", "Product", "Customer type". */
const char *sp_breakdown_dimension_get_display_name (SpBreakdownDimension dimension);
const char *sp_breakdown_period_to_string          (SpBreakdownPeriod     period);
gboolean    sp_breakdown_period_from_string        (const char           *text,
                                                    SpBreakdownPeriod    *out);
/* Translated: "Year", "Quarter", "Month", "Week", "Day". */
const char *sp_breakdown_period_get_display_name   (SpBreakdownPeriod     period);

/* A custom weight for one member (SP_WEIGHT_SOURCE_CUSTOM). */
typedef struct
{
  SpBreakdownDimension dimension;
  gint64               member_id;
  gint64               weight;
} SpBreakdownWeight;

typedef struct
{
  /* Months: EQUAL, WORKING_DAYS, HISTORY (month-of-year totals over the basis years) or
   * CUSTOM (@time_custom, 12 weights in fiscal month order). */
  SpWeightSource            time_source;
  const gint64             *time_custom;
  /* Fiscal years of history for HISTORY weights and seeds. None: the plan's basis years,
   * else the fiscal year before the plan's. */
  const int                *basis_years;
  guint                     n_basis_years;
  /* Per dimension (the TEAM entry is ignored): EQUAL, HISTORY (the member's total over the
   * basis years), HEADCOUNT (regions: their reps employed in the fiscal year; reps: one
   * each; not for products and customer types) or CUSTOM (@custom; a member not listed
   * weighs 0). */
  SpWeightSource            member_sources[SP_BREAKDOWN_N_DIMENSIONS];
  const SpBreakdownWeight  *custom;
  guint                     n_custom;
  /* The two-way tables' seed: HISTORY (each member's month-of-year history over the basis
   * years) or EQUAL. A rep's months without a working day on the team are seeded 0; in
   * HISTORY a month without history gets the row weight x the team's month share. */
  SpWeightSource            seed_source;
} SpBreakdownOptions;

/* Defaults: working days; regions, products and customer types by history, reps equal;
 * history seed; the plan's basis years. */
void sp_breakdown_options_init (SpBreakdownOptions *options);

/* One cell, as the grid shows it. */
typedef struct
{
  SpBreakdownDimension dimension;
  gint64               member_id;     /* 0: the team */
  gint64               parent_id;     /* the member above: a rep's region; 0: the team (or none) */
  SpBreakdownPeriod    period;
  guint                index;         /* quarter 0–3, fiscal month 0–11, week or day of the year */
  guint32              period_start;  /* Julian day the period starts (a week may start before
                                       * the fiscal year) */
  guint32              first_day;     /* Julian days of the period's first and last in-year day */
  guint32              last_day;
  gint64               amount;        /* minor units */
  gboolean             locked;
  SpWeightSource       weight_source; /* how the cell was split from its parent */
  gint64               weight;        /* its weight in that split, -1: none. The team's months:
                                       * the time weight; a member's year: its member weight;
                                       * a member's months: its seed; weeks and days: working
                                       * days (in the year) */
  gint64               last_year;     /* history orders over the same period a year earlier:
                                       * same dates (years, quarters, months) or 52 weeks
                                       * earlier (weeks, days) */
  gint64               growth_bp;     /* amount vs last year in basis points, rounded half away
                                       * from zero; 0 when !has_growth */
  gboolean             has_growth;    /* FALSE when last year is 0 */
} SpBreakdownCell;

/* A parent whose children do not add up (for the grid's mismatch markers). */
typedef enum
{
  SP_BREAKDOWN_RELATION_TARGET,   /* the team's year vs the plan's target */
  SP_BREAKDOWN_RELATION_PERIODS,  /* a year or quarter vs its months */
  SP_BREAKDOWN_RELATION_WEEKS,    /* a year vs its weeks, a month vs its weeks' parts */
  SP_BREAKDOWN_RELATION_MEMBERS,  /* a parent's period vs its members' same period */
} SpBreakdownRelation;

typedef struct
{
  SpBreakdownDimension dimension;
  gint64               member_id;
  SpBreakdownPeriod    period;
  guint                index;
  SpBreakdownRelation  relation;
  gint64               amount;        /* the parent's amount */
  gint64               expected;      /* what its children add up to */
} SpBreakdownMismatch;

/* What a percent is a percent of. */
typedef enum
{
  SP_BREAKDOWN_OF_PERIOD,  /* the period above: quarter → year, month → quarter, week → the
                            * month of its first in-year day */
  SP_BREAKDOWN_OF_MEMBER,  /* the member above in the same period: rep → region, region,
                            * product and customer type → team */
} SpBreakdownParent;

typedef enum
{
  SP_BREAKDOWN_EDIT_DEFAULT = 0,
  SP_BREAKDOWN_EDIT_LOCK    = 1 << 0,  /* also lock the edited cell, in the same undo step */
} SpBreakdownEditFlags;

typedef enum
{
  SP_BREAKDOWN_EXPORT_CSV,   /* RFC 4180, amounts in major units ("1234.56") */
  SP_BREAKDOWN_EXPORT_JSON,  /* amounts as integer minor units */
} SpBreakdownExportFormat;

typedef enum
{
  SP_BREAKDOWN_EXPORT_DEFAULT = 0,
  SP_BREAKDOWN_EXPORT_BOM     = 1 << 0,  /* CSV: a UTF-8 BOM for Excel */
  SP_BREAKDOWN_EXPORT_DAYS    = 1 << 1,  /* include the (computed) day cells */
} SpBreakdownExportFlags;

#define SP_BREAKDOWN_ALL_MEMBERS (-1)

#define SP_TYPE_BREAKDOWN (sp_breakdown_get_type ())
G_DECLARE_FINAL_TYPE (SpBreakdown, sp_breakdown, SP, BREAKDOWN, GObject)

/* The breakdown of plan @plan_id. It reloads itself after any change to the store (undo and
 * redo included) and emits ::changed after its own edits and such reloads. */
SpBreakdown *sp_breakdown_new              (SpStore                 *store,
                                            gint64                   plan_id,
                                            GError                 **error);
SpStore     *sp_breakdown_get_store        (SpBreakdown             *self);
gint64       sp_breakdown_get_plan_id      (SpBreakdown             *self);
int          sp_breakdown_get_fiscal_year  (SpBreakdown             *self);
/* TRUE until the plan is broken down (no cells). */
gboolean     sp_breakdown_is_empty         (SpBreakdown             *self);
/* TRUE when the cells no longer fit the workspace (the fiscal calendar or week start changed,
 * a member with cells was deleted, a rep moved to another region, a rep's hired_on or
 * left_on changed so that they have cells on days off the team): edits are refused with
 * SP_BREAKDOWN_ERROR_STALE until the target is broken down again. Members added since are
 * simply not in the breakdown. */
gboolean     sp_breakdown_is_stale         (SpBreakdown             *self);
/* Number of quarters, months, weeks or days of the plan's fiscal year. */
guint        sp_breakdown_get_n_periods    (SpBreakdown             *self,
                                            SpBreakdownPeriod        period);

/* Builds every cell from the plan's target and persists them in one undoable edit,
 * replacing any earlier breakdown of the plan (its locks included). @options NULL: defaults. */
gboolean     sp_breakdown_generate         (SpBreakdown             *self,
                                            const SpBreakdownOptions *options,
                                            GError                 **error);

/* The members of @dimension in display order (ids; the team has one, 0). */
GArray      *sp_breakdown_get_members      (SpBreakdown             *self,
                                            SpBreakdownDimension     dimension);
/* The cells of one level (an array of SpBreakdownCell): for one member, or for every member
 * of the dimension (SP_BREAKDOWN_ALL_MEMBERS) in member order, each in period order. */
GArray      *sp_breakdown_get_cells        (SpBreakdown             *self,
                                            SpBreakdownDimension     dimension,
                                            gint64                   member_id,
                                            SpBreakdownPeriod        period,
                                            GError                 **error);
gboolean     sp_breakdown_get_cell         (SpBreakdown             *self,
                                            SpBreakdownDimension     dimension,
                                            gint64                   member_id,
                                            SpBreakdownPeriod        period,
                                            guint                    index,
                                            SpBreakdownCell         *out,
                                            GError                 **error);

/* Edits identify their cell by @cell's dimension, member_id, period and index. */
gboolean     sp_breakdown_set_amount       (SpBreakdown             *self,
                                            const SpBreakdownCell   *cell,
                                            gint64                   amount,
                                            SpBreakdownEditFlags     flags,
                                            gint64                  *out_excess,
                                            GError                 **error);
/* Sets the cell to @basis_points (1250 = 12.5 %) of its parent, rounded half away from zero:
 * of its parent member (which the edit keeps whole), or of its parent period as that is after
 * the rebalance (the siblings that take up the change may lie outside it), so the share shows
 * as typed afterwards. */
gboolean     sp_breakdown_set_percent      (SpBreakdown             *self,
                                            const SpBreakdownCell   *cell,
                                            SpBreakdownParent        of,
                                            gint64                   basis_points,
                                            SpBreakdownEditFlags     flags,
                                            gint64                  *out_excess,
                                            GError                 **error);
gboolean     sp_breakdown_set_locked       (SpBreakdown             *self,
                                            const SpBreakdownCell   *cell,
                                            gboolean                 locked,
                                            GError                 **error);

/* Every parent whose children do not add up, as stored (an array of SpBreakdownMismatch;
 * empty when all is well). NULL with @error when the breakdown cannot be read. */
GArray      *sp_breakdown_check            (SpBreakdown             *self,
                                            GError                 **error);

/* A member a breakdown is split over, with the name to show for it. */
typedef struct
{
  SpBreakdownDimension dimension;
  gint64               id;         /* 0: the team */
  gint64               parent_id;  /* a rep's region; else 0 */
  char                *name;       /* as stored; the team's is "Team" (translated) */
} SpBreakdownMember;

/* sp-breakdown-members.c. The members of @dimension that a breakdown made now would be split
 * over, in display order (regions by position, each region's reps after one another, products
 * and customer types by name; reps only if employed at some time in the plan's fiscal year):
 * an array of SpBreakdownMember that frees their names. */
GArray      *sp_breakdown_list_members     (SpBreakdown             *self,
                                            SpBreakdownDimension     dimension,
                                            GError                 **error);
/* The name of a member of any dimension: the breakdown's own, else the workspace's; the
 * team's is "Team" (translated). NULL when there is no such member. */
char        *sp_breakdown_dup_member_name  (SpBreakdown             *self,
                                            SpBreakdownDimension     dimension,
                                            gint64                   member_id);
/* The Julian day fiscal month @month (0–11) of the plan's year starts on under the
 * workspace's calendar, whether or not the plan is broken down; 0 for another @month. */
guint32      sp_breakdown_get_month_first_day (SpBreakdown          *self,
                                               guint                 month);
/* What the grid calls a member: its name, a rep's with their region ("Li Wei · East"). Never
 * NULL: an unknown member is "Product 3" or the like. */
char        *sp_breakdown_dup_member_label (SpBreakdown             *self,
                                            SpBreakdownDimension     dimension,
                                            gint64                   member_id);

/* Every cell of every level and dimension: one row (CSV) or object (JSON) per cell with the
 * dimension, member, parent, period, dates, amount, lock, weight, last year and growth. */
gboolean     sp_breakdown_export           (SpBreakdown             *self,
                                            SpBreakdownExportFormat  format,
                                            SpBreakdownExportFlags   flags,
                                            GOutputStream           *stream,
                                            GCancellable            *cancellable,
                                            GError                 **error);

/* Like sp_breakdown_export(), but only the cells of @period (SP_BREAKDOWN_PERIOD_DAY: the
 * computed day cells; @flags' SP_BREAKDOWN_EXPORT_DAYS is then implied). */
gboolean     sp_breakdown_export_level     (SpBreakdown             *self,
                                            SpBreakdownExportFormat  format,
                                            SpBreakdownExportFlags   flags,
                                            SpBreakdownPeriod        period,
                                            GOutputStream           *stream,
                                            GCancellable            *cancellable,
                                            GError                 **error);

G_END_DECLS
