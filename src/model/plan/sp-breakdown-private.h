/* sp-breakdown-private.h — what the breakdown's files share: the fiscal year's layout of
 * months, weeks and their parts, and the in-memory model of every member's cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-allocation-private.h"
#include "sp-breakdown.h"
#include "sp-calendar.h"
#include "sp-store-private.h"

G_BEGIN_DECLS

#define SP_BD_N_MONTHS 12

/* A part: the days a week and a month have in common inside the fiscal year. A month is a
 * run of parts, a week one part or two (when it straddles two months). */
typedef struct
{
  guint16 month;
  guint16 week;
  guint16 first;   /* first day, counted from the fiscal year's first day */
  guint16 n_days;
} SpBdPart;

typedef struct
{
  SpCalendar *calendar;
  int         fiscal_year;
  guint32     first_julian;
  guint       n_days;
  guint8     *working;                      /* n_days: 1 for a working day */
  guint       month_day[SP_BD_N_MONTHS + 1];  /* first day of each month; [12] = n_days */
  guint       month_part[SP_BD_N_MONTHS + 1]; /* first part of each month; [12] = n_parts */
  guint       n_weeks;
  guint32    *week_julian;                  /* first day of each week (may precede the year) */
  guint      *week_part;                    /* n_weeks + 1: first part of each week */
  guint       n_parts;
  SpBdPart   *parts;
} SpBdLayout;

SpBdLayout *sp_bd_layout_new            (const SpCalendar   *calendar,
                                         int                 fiscal_year);
void        sp_bd_layout_free           (SpBdLayout         *layout);
guint       sp_bd_layout_n_periods      (const SpBdLayout   *layout,
                                         SpBreakdownPeriod   period);
/* Julian days: where the period starts (as stored) and its first and last in-year day. */
void        sp_bd_layout_period_range   (const SpBdLayout   *layout,
                                         SpBreakdownPeriod   period,
                                         guint               index,
                                         guint32            *start,
                                         guint32            *first,
                                         guint32            *last);
guint       sp_bd_layout_working_days   (const SpBdLayout   *layout,
                                         guint               first,
                                         guint               n_days);
/* The week index of a day of the year. */
guint       sp_bd_layout_week_of_day    (const SpBdLayout   *layout,
                                         guint               day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBdLayout, sp_bd_layout_free)

/* Values of a series: [year][12 months][parts]. Quarters and weeks are sums. */
#define SP_BD_V_YEAR      0
#define SP_BD_V_MONTH(m)  (1 + (m))
#define SP_BD_V_PART(p)   (1 + SP_BD_N_MONTHS + (p))

/* Stored cells of a series ("slots"): [year][4 quarters][12 months][weeks]. */
#define SP_BD_S_YEAR        0
#define SP_BD_S_QUARTER(q)  (1 + (q))
#define SP_BD_S_MONTH(m)    (5 + (m))
#define SP_BD_S_WEEK(w)     (5 + SP_BD_N_MONTHS + (w))

#define SP_BD_NO_WEIGHT G_MININT64

/* A ramp-up factor of 100 % in basis points. */
#define SP_BD_RAMP_NONE 10000

typedef struct
{
  SpBreakdownDimension dimension;
  gint64               member_id;
  gint64               parent_id;      /* member id of the parent series (0: the team) */
  char                *name;
  int                  parent;         /* series index, -1 for the team */
  int                  family;         /* family index, -1 for the team */
  guint                row;            /* index among its family's members */
  SpWeightSource       year_source;    /* how its year was split from its parent's */
  SpWeightSource       month_source;   /* its months: time weights or the seed */
  /* A rep's days on the team in the year (DOMAIN.md §2): days [active_first, active_end)
   * counted from the year's first day; every other member is active all year. */
  guint                active_first;
  guint                active_end;
  guint32              hired;          /* Julian; 0: unknown (a rep), or not a rep */
  guint32              left;           /* Julian; 0: still employed */
  /* The ramp-up factor of each month in basis points (10000: none). */
  gint64               ramp_bp[SP_BD_N_MONTHS];
} SpBdSeries;

/* A parent and the members it is split over (team → regions, region → reps, ...). */
typedef struct
{
  SpBreakdownDimension dimension;
  guint                parent;
  GArray              *members;        /* guint series indices */
} SpBdFamily;

typedef struct
{
  SpBdLayout *layout;
  GArray     *series;                  /* SpBdSeries */
  GArray     *families;                /* SpBdFamily */
  guint       value_stride;
  guint       slot_stride;
  gint64     *values;                  /* n_series x value_stride */
  guint8     *locks;                   /* n_series x slot_stride */
  gint64     *weights;                 /* n_series x slot_stride; SP_BD_NO_WEIGHT: none */
  gint64     *ids;                     /* n_series x slot_stride; row ids, 0: not stored */
  gint64     *stored;                  /* n_series x slot_stride; amounts as in the table */
  gint64     *keys;                    /* n_series: the keys of @index */
  GHashTable *index;                   /* (dimension, member) → series + 1 */
} SpBdModel;

SpBdModel  *sp_bd_model_new             (SpBdLayout         *layout);
void        sp_bd_model_free            (SpBdModel          *model);
guint       sp_bd_model_add_series      (SpBdModel          *model,
                                         SpBreakdownDimension dimension,
                                         gint64              member_id,
                                         const char         *name,
                                         int                 parent);
/* sp-breakdown-active.c. Sets a rep's active range (Julian @hired and @left, 0: unknown or still employed) and the
 * plan's ramp-up factors for the first @n_ramp months from the month of @hired. */
void        sp_bd_series_set_active     (SpBdModel          *model,
                                         guint               s,
                                         guint32             hired,
                                         guint32             left,
                                         const gint64       *ramp_bp,
                                         guint               n_ramp);
/* A region is on the team from its first rep's first day to its last rep's last (after
 * sp_bd_model_finish(); a region without reps: all year). */
void        sp_bd_model_set_region_ranges (SpBdModel        *model);
/* Working days of series @s on the team among the @n_days from day @first. */
guint       sp_bd_series_working_days   (const SpBdModel    *model,
                                         guint               s,
                                         guint               first,
                                         guint               n_days);
/* What a member's seed of month @m counts for: its active working days over the month's
 * working days, times the ramp-up factor; 0 when the member has no working day on the team
 * in the month, 1 for a member active all month without ramp-up. */
double      sp_bd_month_factor          (const SpBdModel    *model,
                                         guint               s,
                                         guint               m);
/* The same for part @p (no ramp-up: it shapes months, not days). */
double      sp_bd_part_factor           (const SpBdModel    *model,
                                         guint               s,
                                         guint               p);
/* Groups the series into families and allocates the zeroed value arrays. */
void        sp_bd_model_finish          (SpBdModel          *model);
int         sp_bd_model_find            (SpBdModel          *model,
                                         SpBreakdownDimension dimension,
                                         gint64              member_id);
guint       sp_bd_model_n_series        (SpBdModel          *model);
gsize       sp_bd_model_values_size     (SpBdModel          *model);
gsize       sp_bd_model_slots_size      (SpBdModel          *model);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBdModel, sp_bd_model_free)

static inline SpBdSeries *
sp_bd_series (SpBdModel *model,
              guint      s)
{
  return &g_array_index (model->series, SpBdSeries, s);
}

static inline SpBdFamily *
sp_bd_family (SpBdModel *model,
              guint      f)
{
  return &g_array_index (model->families, SpBdFamily, f);
}

static inline gint64 *
sp_bd_values (SpBdModel *model,
              guint      s)
{
  return model->values + (gsize) s * model->value_stride;
}

static inline guint8 *
sp_bd_locks (SpBdModel *model,
             guint      s)
{
  return model->locks + (gsize) s * model->slot_stride;
}

static inline gint64 *
sp_bd_weights (SpBdModel *model,
               guint      s)
{
  return model->weights + (gsize) s * model->slot_stride;
}

static inline guint
sp_bd_family_member (SpBdModel *model,
                     guint      f,
                     guint      row)
{
  return g_array_index (sp_bd_family (model, f)->members, guint, row);
}

/* The amount of slot @slot of a series whose values start at @v. */
gint64      sp_bd_slot_amount           (const SpBdModel    *model,
                                         const gint64       *v,
                                         guint               slot);
guint       sp_bd_slot_of               (SpBreakdownPeriod   period,
                                         guint               index);
/* The days of part @p of series @s: equal per working day it is on the team (@out: the
 * part's n_days). */
void        sp_bd_part_days             (const SpBdModel    *model,
                                         guint               s,
                                         guint               p,
                                         gint64             *out);
/* Parts from stored months and weeks (the week at a month's end takes what the month has
 * left). FALSE when they do not fit (a negative part, or a month its weeks miss). */
gboolean    sp_bd_parts_from_weeks      (const SpBdModel    *model,
                                         gint64             *v,
                                         const gint64       *weeks);

/* sp-breakdown-time.c: one series' own time path. */
gboolean    sp_bd_row_split_year        (SpBdModel          *model,
                                         guint               s,
                                         gint64              total,
                                         gint64             *excess,
                                         GError            **error);
gboolean    sp_bd_row_set_quarter       (SpBdModel          *model,
                                         guint               s,
                                         guint               quarter,
                                         gint64              amount,
                                         gint64             *excess,
                                         GError            **error);
gboolean    sp_bd_row_set_month         (SpBdModel          *model,
                                         guint               s,
                                         guint               month,
                                         gint64              amount,
                                         gint64             *excess,
                                         GError            **error);
/* Splits the week over its days and rebalances the rest of its month(s) over theirs;
 * @out_months: bit m for each month touched. */
gboolean    sp_bd_row_set_week          (SpBdModel          *model,
                                         guint               s,
                                         guint               week,
                                         gint64              amount,
                                         guint              *out_months,
                                         gint64             *excess,
                                         GError            **error);
/* Splits month @month over its working days, keeping the days of locked weeks. */
gboolean    sp_bd_row_split_month_days  (SpBdModel          *model,
                                         guint               s,
                                         guint               month,
                                         gint64             *excess,
                                         GError            **error);

/* sp-breakdown-fit.c: families and the propagation of an edit. @before: the values before
 * the edit (the whole values array). */
gboolean    sp_bd_apply_edit            (SpBdModel          *model,
                                         guint               s,
                                         SpBreakdownPeriod   period,
                                         guint               index,
                                         gint64              amount,
                                         const gint64       *before,
                                         gint64             *excess,
                                         GError            **error);
/* Fills a freshly weighted model (every value 0) from the team's year. */
gboolean    sp_bd_compute_all           (SpBdModel          *model,
                                         gint64              target,
                                         GError            **error);

/* sp-breakdown-active.c: what the weights of a new breakdown need beside the history. */
typedef struct
{
  const gint64 *history;    /* n_series x n_years x 12 */
  guint         n_years;
  gboolean     *through;    /* n_series: a rep on the team on every day of the basis years */
  gint64        rep_mean;   /* the mean history total of the reps through the basis years,
                             * -1: there are none */
} SpBdBasis;

void         sp_bd_basis_init           (SpBdBasis          *basis,
                                         SpBdModel          *model,
                                         const gint64       *history,
                                         const int          *years,
                                         guint               n_years);
/* @sum / @n rounded half up; -1 when @n is 0. */
gint64       sp_bd_mean                 (Int128              sum,
                                         guint               n);
/* In @own (the w of family @f's reps in row order), a rep not through the basis years gets
 * the mean w of the family's reps who were, else @team_mean (when >= 0). */
void         sp_bd_replace_new_hires    (SpBdModel          *model,
                                         guint               f,
                                         const SpBdBasis    *basis,
                                         gint64              team_mean,
                                         gint64             *own);
/* @weights (the w of family @f's reps) become w_i x a_i, a_i the rep's working days on the
 * team in the year, each times its month's ramp-up factor (in basis points when any rep of
 * the family ramps up); all w halved together if a product would not fit. */
void         sp_bd_rep_year_weights     (SpBdModel          *model,
                                         guint               f,
                                         gint64             *weights);

/* sp-breakdown-history.c */
typedef struct
{
  char    *name;
  gint64   id;
  gint64   region_id;
  guint32  hired;     /* Julian, 0: unknown */
  guint32  left;      /* Julian, 0: still employed */
} SpBdMember;

/* The workspace's members of @dimension in display order (regions by position and name,
 * reps by name, products and customer types by name); an array of SpBdMember. */
GArray     *sp_bd_list_members          (sqlite3            *db,
                                         SpBreakdownDimension dimension,
                                         GError            **error);
/* Builds the series and weights of a new breakdown (the model is finished, values 0). */
SpBdModel  *sp_bd_build_model           (sqlite3            *db,
                                         SpBdLayout         *layout,
                                         const SpBreakdownOptions *options,
                                         const int          *basis_years,
                                         guint               n_basis_years,
                                         const gint64       *ramp_bp,
                                         guint               n_ramp,
                                         GError            **error);

/* Last year's actuals: per series, history by day around the year before. */
typedef struct _SpBdHistory SpBdHistory;

SpBdHistory *sp_bd_history_load         (sqlite3            *db,
                                         SpBdModel          *model,
                                         GError            **error);
void         sp_bd_history_free         (SpBdHistory        *history);
/* History of series @s over Julian days [@first, @last]. */
gint64       sp_bd_history_sum          (const SpBdHistory  *history,
                                         guint               s,
                                         guint32             first,
                                         guint32             last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBdHistory, sp_bd_history_free)

/* sp-breakdown-cells.c */
/* The days of the year of series @s (@out: n_days). */
void         sp_bd_series_days          (const SpBdModel    *model,
                                         guint               s,
                                         gint64             *out);
/* Fills @out for @index of @period of series @s; @days: its days, for day cells. */
void         sp_bd_fill_cell            (const SpBdModel    *model,
                                         const SpBdHistory  *history,
                                         guint               s,
                                         SpBreakdownPeriod   period,
                                         guint               index,
                                         const gint64       *days,
                                         SpBreakdownCell    *out);

/* A stored cell whose amount or lock an edit changed. */
typedef struct
{
  guint   series;
  guint   slot;
  gint64  amount;
} SpBdChange;

/* Writes @changes (amount, and the lock in @model) inside the caller's edit, in one
 * statement recorded as one undo entry. */
gboolean     sp_bd_write_cells          (sqlite3            *db,
                                         const SpBdModel    *model,
                                         const SpBdChange   *changes,
                                         guint               n_changes,
                                         GError            **error);

/* sp-breakdown-load.c */
typedef struct
{
  gint64  id;
  int     fiscal_year;
  gint64  target;
  char   *basis_years;   /* as stored: "2024,2025" */
  GArray *ramp_bp;       /* gint64: the ramp-up factors of a new hire's first months */
} SpBdPlan;

static inline const gint64 *
sp_bd_plan_ramp (const SpBdPlan *plan)
{
  return plan->ramp_bp != NULL ? (const gint64 *) (gpointer) plan->ramp_bp->data : NULL;
}

static inline guint
sp_bd_plan_n_ramp (const SpBdPlan *plan)
{
  return plan->ramp_bp != NULL ? plan->ramp_bp->len : 0;
}

/* "5000,7500,10000" → 5000, 7500, 10000 (basis points); empty for anything else. */
GArray      *sp_bd_parse_ramp           (const char         *text);
/* Also reads the plan's ramp-up factors (plan.ramp_factors). */
gboolean     sp_bd_read_plan            (SpStore            *store,
                                         gint64              plan_id,
                                         SpBdPlan           *plan,
                                         GError            **error);
/* The fiscal year's layout under the workspace's preferences. */
SpBdLayout  *sp_bd_make_layout          (SpStore            *store,
                                         int                 fiscal_year);
/* The plan's stored cells. @stale: some cells do not fit the calendar or the team. */
SpBdModel   *sp_bd_read_model           (SpStore            *store,
                                         const SpBdPlan     *plan,
                                         gboolean           *stale,
                                         GError            **error);
/* Replaces the plan's cells with every cell of @model (inside an edit), recording row ids. */
gboolean     sp_bd_write_model          (SpStore            *store,
                                         gint64              plan_id,
                                         SpBdModel          *model,
                                         GError            **error);
/* The period and weight source of a series' slot. */
void         sp_bd_slot_kind            (const SpBdSeries   *series,
                                         guint               slot,
                                         SpBreakdownPeriod  *period,
                                         SpWeightSource     *source);
/* The basis years: the options', else the plan's, else the year before the plan's. */
GArray      *sp_bd_basis_years          (const SpBdPlan     *plan,
                                         const SpBreakdownOptions *options);

/* sp-breakdown.c, for the export and the benchmark. */
SpBdModel   *sp_breakdown_get_model     (SpBreakdown        *self,
                                         GError            **error);
SpBdHistory *sp_breakdown_get_history   (SpBreakdown        *self,
                                         GError            **error);
gint64       sp_breakdown_get_target    (SpBreakdown        *self);
/* Microseconds the last edit spent computing and persisting. */
void         sp_breakdown_get_timings   (SpBreakdown        *self,
                                         gint64             *compute_us,
                                         gint64             *persist_us);

G_END_DECLS
