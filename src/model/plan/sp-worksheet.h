/* sp-worksheet.h — the target-setting worksheet (销售目标制定): the six bases, the proposed
 * top-down target, the three tiers, the bottom-up commitments (汇总法) and the OGSMT sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-store.h"

G_BEGIN_DECLS

#define SP_WORKSHEET_ERROR (sp_worksheet_error_quark ())

typedef enum
{
  SP_WORKSHEET_ERROR_INVALID,      /* a value the field refuses; the message says which and why */
  SP_WORKSHEET_ERROR_NOT_FOUND,    /* no such plan, rep or OGSMT item */
} SpWorksheetError;

/* The bases of the target besides last years' results (往年业绩基础) and SWOT. */
typedef enum
{
  SP_WORKSHEET_BASIS_INDUSTRY,   /* 行业发展分析 */
  SP_WORKSHEET_BASIS_HEADCOUNT,  /* 人员配比变化 */
  SP_WORKSHEET_BASIS_CHANNELS,   /* 渠道的新增/调整策略 */
  SP_WORKSHEET_BASIS_PRODUCTS,   /* 新旧产品的变化 */
} SpWorksheetBasis;

#define SP_WORKSHEET_N_BASES 4

typedef enum
{
  SP_WORKSHEET_ADJUSTMENT_NONE,     /* no line for this basis */
  SP_WORKSHEET_ADJUSTMENT_PERCENT,  /* value in basis points of the basis amount (-250 = -2.5%) */
  SP_WORKSHEET_ADJUSTMENT_AMOUNT,   /* value in signed minor units */
} SpWorksheetAdjustmentKind;

typedef struct
{
  SpWorksheetAdjustmentKind kind;
  gint64                    value;
  gint64                    effect;   /* minor units this line adds to the proposal (signed) */
  char                     *note;     /* never NULL */
} SpWorksheetAdjustment;

typedef enum
{
  SP_WORKSHEET_SWOT_STRENGTHS,      /* 优势 */
  SP_WORKSHEET_SWOT_WEAKNESSES,     /* 劣势 */
  SP_WORKSHEET_SWOT_OPPORTUNITIES,  /* 机会 */
  SP_WORKSHEET_SWOT_THREATS,        /* 威胁 */
} SpWorksheetSwot;

#define SP_WORKSHEET_N_SWOT 4

/* One region's line of the bottom-up summation (汇总法). */
typedef struct
{
  gint64  region_id;     /* 0 = reps with no region */
  char   *region_name;
  gint64  top_down;      /* the region's share of the plan's target (see sp_worksheet_load) */
  gint64  committed;     /* sum of its reps' commitments */
  gint64  gap;           /* top_down - committed: > 0 the reps commit less than asked */
  guint   n_reps;
  guint   n_committed;   /* reps that have a commitment */
} SpWorksheetRegionSum;

typedef struct
{
  gint64    rep_id;
  char     *rep_name;
  gint64    region_id;
  gboolean  has_commitment;
  gint64    amount;      /* 0 when none */
} SpWorksheetCommitment;

typedef enum
{
  SP_OGSMT_OBJECTIVE,   /* 目的 (text) */
  SP_OGSMT_GOAL,        /* 目标 (text + a number: minor units) */
  SP_OGSMT_STRATEGY,    /* 策略 (text) */
  SP_OGSMT_MEASURE,     /* 测量 (text + target value + deadline 时间) */
} SpOgsmtKind;

typedef struct
{
  gint64       id;
  SpOgsmtKind  kind;
  int          position;      /* order within its kind, from 0 */
  char        *text;          /* never NULL */
  gboolean     has_target;
  gint64       target_value;  /* goals: minor units; measures: a plain count or minor units */
  GDate        deadline;      /* invalid when none */
} SpOgsmtItem;

/* A snapshot of one plan's worksheet. Reference counted; immutable once loaded. */
typedef struct _SpWorksheet SpWorksheet;

GQuark        sp_worksheet_error_quark        (void);

/* Loads the worksheet of @plan_id. The regions' top-down targets come from the plan's year
 * × region breakdown cells when the plan is broken down by region, else from the plan's
 * target split over the regions by their history share over the basis years (equal when no
 * history), largest remainder — so they always sum exactly to the target. */
SpWorksheet  *sp_worksheet_load               (SpStore     *store,
                                               gint64       plan_id,
                                               GError     **error);
SpWorksheet  *sp_worksheet_ref                (SpWorksheet *self);
void          sp_worksheet_unref              (SpWorksheet *self);

gint64        sp_worksheet_get_plan_id        (SpWorksheet *self);
int           sp_worksheet_get_fiscal_year    (SpWorksheet *self);

/* The fiscal years that have history orders, oldest first (the choices for the basis). */
const GArray *sp_worksheet_get_history_years  (SpWorksheet *self); /* of int */
/* Each history year's total, same order. */
const GArray *sp_worksheet_get_history_totals (SpWorksheet *self); /* of gint64 */
/* The chosen basis years (sorted); empty when the basis is typed. */
const GArray *sp_worksheet_get_basis_years    (SpWorksheet *self); /* of int */
/* TRUE when the basis is a typed amount rather than history years. */
gboolean      sp_worksheet_has_typed_basis    (SpWorksheet *self);
/* The basis amount: the typed one, or the mean of the chosen years' history totals (half
 * away from zero), or 0 when neither. */
gint64        sp_worksheet_get_basis          (SpWorksheet *self);
int           sp_worksheet_get_growth_bp      (SpWorksheet *self);
/* basis × growth, half away from zero. */
gint64        sp_worksheet_get_growth_effect  (SpWorksheet *self);
const SpWorksheetAdjustment *
              sp_worksheet_get_adjustment     (SpWorksheet      *self,
                                               SpWorksheetBasis  basis);
const char   *sp_worksheet_get_swot           (SpWorksheet      *self,
                                               SpWorksheetSwot   quadrant);
/* basis + growth effect + every adjustment's effect (percent lines apply to the basis, not
 * compounded), never below 0. */
gint64        sp_worksheet_get_proposed       (SpWorksheet *self);
/* The plan's three tiers (base = the target). */
gint64        sp_worksheet_get_target         (SpWorksheet *self);
gint64        sp_worksheet_get_sprint         (SpWorksheet *self);
gint64        sp_worksheet_get_challenge      (SpWorksheet *self);

/* Every active rep (by region then name) with its commitment. */
guint         sp_worksheet_get_n_commitments  (SpWorksheet *self);
const SpWorksheetCommitment *
              sp_worksheet_get_commitment     (SpWorksheet *self,
                                               guint        index);
/* One line per region (by name; the no-region line last when it has reps). */
guint         sp_worksheet_get_n_region_sums  (SpWorksheet *self);
const SpWorksheetRegionSum *
              sp_worksheet_get_region_sum     (SpWorksheet *self,
                                               guint        index);
/* Sum of every commitment, and target - that sum. */
gint64        sp_worksheet_get_committed      (SpWorksheet *self);
gint64        sp_worksheet_get_gap            (SpWorksheet *self);

/* The OGSMT items, by kind then position. */
guint         sp_worksheet_get_n_ogsmt        (SpWorksheet *self);
const SpOgsmtItem *
              sp_worksheet_get_ogsmt          (SpWorksheet *self,
                                               guint        index);

/* Edits: each is one undoable step; on error nothing changes. */
gboolean      sp_worksheet_set_basis_years    (SpStore      *store,
                                               gint64        plan_id,
                                               const int    *years,
                                               guint         n_years,
                                               GError      **error);
/* A typed basis (>= 0) replaces the basis years; -1 goes back to the history years. */
gboolean      sp_worksheet_set_typed_basis    (SpStore      *store,
                                               gint64        plan_id,
                                               gint64        amount,
                                               GError      **error);
/* -10000 … 100000 basis points. */
gboolean      sp_worksheet_set_growth         (SpStore      *store,
                                               gint64        plan_id,
                                               int           growth_bp,
                                               GError      **error);
/* SP_WORKSHEET_ADJUSTMENT_NONE removes the line. Percent lines: -10000 … 100000 bp. */
gboolean      sp_worksheet_set_adjustment     (SpStore                   *store,
                                               gint64                     plan_id,
                                               SpWorksheetBasis           basis,
                                               SpWorksheetAdjustmentKind  kind,
                                               gint64                     value,
                                               const char                *note,
                                               GError                   **error);
gboolean      sp_worksheet_set_swot           (SpStore         *store,
                                               gint64           plan_id,
                                               SpWorksheetSwot  quadrant,
                                               const char      *text,
                                               GError         **error);
/* Makes the proposal the plan's target; sprint and challenge keep their ratio to the old
 * target (or +25% / +40% when the old target was 0), half away from zero. */
gboolean      sp_worksheet_adopt_proposed     (SpStore      *store,
                                               gint64        plan_id,
                                               GError      **error);
/* amount -1 removes the rep's commitment; other negatives are refused. */
gboolean      sp_worksheet_set_commitment     (SpStore      *store,
                                               gint64        plan_id,
                                               gint64        rep_id,
                                               gint64        amount,
                                               GError      **error);
/* Makes the sum of the commitments the plan's target (the bottom-up method). */
gboolean      sp_worksheet_adopt_committed    (SpStore      *store,
                                               gint64        plan_id,
                                               GError      **error);

/* Appends an item at the end of its kind; returns its id, 0 on error. */
gint64        sp_worksheet_add_ogsmt          (SpStore      *store,
                                               gint64        plan_id,
                                               SpOgsmtKind   kind,
                                               const char   *text,
                                               GError      **error);
/* @target_value < 0: none. @deadline NULL or invalid: none. */
gboolean      sp_worksheet_update_ogsmt       (SpStore      *store,
                                               gint64        item_id,
                                               const char   *text,
                                               gint64        target_value,
                                               const GDate  *deadline,
                                               GError      **error);
/* Moves the item up (-1) or down (+1) within its kind. */
gboolean      sp_worksheet_move_ogsmt         (SpStore      *store,
                                               gint64        item_id,
                                               int           delta,
                                               GError      **error);
gboolean      sp_worksheet_remove_ogsmt       (SpStore      *store,
                                               gint64        item_id,
                                               GError      **error);

/* Names. The stored ones ("industry", "headcount", "channels", "products"; "strengths",
 * "weaknesses", "opportunities", "threats"; "objective", "goal", "strategy", "measure") are
 * also the CLI's and the JSON's; the display names are translated. */
const char   *sp_worksheet_basis_to_string         (SpWorksheetBasis   basis);
gboolean      sp_worksheet_basis_from_string       (const char        *text,
                                                    SpWorksheetBasis  *out);
const char   *sp_worksheet_basis_get_display_name  (SpWorksheetBasis   basis);
const char   *sp_worksheet_swot_to_string          (SpWorksheetSwot    quadrant);
const char   *sp_worksheet_swot_get_display_name   (SpWorksheetSwot    quadrant);
const char   *sp_ogsmt_kind_to_string              (SpOgsmtKind        kind);
const char   *sp_ogsmt_kind_get_display_name       (SpOgsmtKind        kind);
/* Basis points as a percent for display: 1250 → "12.5%", -250 → "-2.5%", 300 → "3%". */
char         *sp_worksheet_format_bp               (gint64             bp);
/* Reads a typed percent ("12.5%", "+3", "-2.5 %", "１２％") as basis points, more than two
 * decimals rounded half away from zero; FALSE with a translated @error quoting @text. */
gboolean      sp_worksheet_parse_percent           (const char        *text,
                                                    gint64            *out_bp,
                                                    GError           **error);
/* Sprint and challenge for a new @target that keep their ratios to @old_target (or +25% and
 * +40% when it was 0), half away from zero: what the adopt functions set. */
void          sp_worksheet_tiers_for               (gint64             old_target,
                                                    gint64             old_sprint,
                                                    gint64             old_challenge,
                                                    gint64             target,
                                                    gint64            *sprint,
                                                    gint64            *challenge);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpWorksheet, sp_worksheet_unref)

G_END_DECLS
