/* sp-allocation.h — splitting a target over its children: largest remainder, locks, IPF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Everything here is integer minor units (or any other integer unit: days, heads) and pure:
 * no database, no global state, same input → same output. */

#define SP_ALLOCATION_ERROR (sp_allocation_error_quark ())

typedef enum
{
  SP_ALLOCATION_ERROR_INVALID,         /* a negative total, weight or amount; a bad seed */
  SP_ALLOCATION_ERROR_LOCKS_EXCEED,    /* the locked children add up to more than the total */
  SP_ALLOCATION_ERROR_ALL_LOCKED,      /* every child is locked and they miss the total */
  SP_ALLOCATION_ERROR_MARGINS_DIFFER,  /* IPF: row totals and column totals differ */
} SpAllocationError;

GQuark       sp_allocation_error_quark          (void);

/* Where a split's weights come from. The nicks are the strings stored in
 * breakdown_cell.weight_source. */
typedef enum
{
  SP_WEIGHT_SOURCE_EQUAL,          /* "equal": every child weighs 1 */
  SP_WEIGHT_SOURCE_WORKING_DAYS,   /* "working_days": working days in each child's period */
  SP_WEIGHT_SOURCE_HISTORY,        /* "history": each child's actual total over the basis years */
  SP_WEIGHT_SOURCE_HEADCOUNT,      /* "headcount": reps in each child */
  SP_WEIGHT_SOURCE_CUSTOM,         /* "custom": typed by the user */
} SpWeightSource;

#define SP_TYPE_WEIGHT_SOURCE (sp_weight_source_get_type ())
GType        sp_weight_source_get_type          (void) G_GNUC_CONST;

/* "equal", "working_days", "history", "headcount", "custom". */
const char  *sp_weight_source_to_string         (SpWeightSource   source);
/* FALSE (and @out untouched) for NULL or an unknown string. */
gboolean     sp_weight_source_from_string       (const char      *text,
                                                 SpWeightSource  *out);
/* Translated: "Equal", "Working days", "History share", "Headcount", "Custom". */
const char  *sp_weight_source_get_display_name  (SpWeightSource   source);

/* Fills @out_weights (n) for @source. EQUAL ignores @data (may be NULL) and gives 1 each;
 * the others copy @data — working-day counts, history totals, headcounts, custom weights —
 * with negative values (e.g. a child whose refunds exceeded its sales) taken as 0. */
void         sp_weights_fill                    (SpWeightSource   source,
                                                 const gint64    *data,
                                                 guint            n,
                                                 gint64          *out_weights);
/* History share over several basis years: @amounts is n_years rows of n children's actual
 * totals (row-major). A child's weight is its total over the years (negative → 0), which is
 * proportional to its share of the all-children total. Totals too large for gint64 are all
 * halved together until they fit, so the shares stay the same. */
void         sp_weights_history                 (const gint64    *amounts,
                                                 guint            n_years,
                                                 guint            n,
                                                 gint64          *out_weights);

/* Splits @total (>= 0) over @n children by @weights (n, each >= 0), largest-remainder
 * method: child_i = floor (remaining * w_i / sum (w)), then the leftover units go one each
 * to the largest remainders (remaining * w_i mod sum (w), compared exactly), ties to the
 * earlier child. The children always add up to exactly @total.
 *
 * Locks: where @locked[i] (NULL: nothing locked), child i keeps @locked_values[i] (>= 0;
 * @locked_values may be NULL only when @locked is) and total - sum (locked values) is split
 * over the unlocked children by their weights.
 *
 * If every unlocked child has weight 0, the remaining amount is split equally among them.
 *
 * On failure @out is untouched and @out_excess (if not NULL) holds sum (locked) - total:
 * > 0 with SP_ALLOCATION_ERROR_LOCKS_EXCEED (the locks are over by that much), < 0 with
 * SP_ALLOCATION_ERROR_ALL_LOCKED (that much is left with no unlocked child to take it).
 * It is 0 on success and on SP_ALLOCATION_ERROR_INVALID. The error message does not quote
 * the amount (the model does not know the currency): format @out_excess for the user.
 * @out may be the same array as @locked_values. */
gboolean     sp_allocate                        (gint64           total,
                                                 const gint64    *weights,
                                                 const gint64    *locked_values,
                                                 const gboolean  *locked,
                                                 guint            n,
                                                 gint64          *out,
                                                 gint64          *out_excess,
                                                 GError         **error);

/* Editing one cell: child @edited takes @new_value (>= 0) and is locked for this operation;
 * the other locked children keep @values[i]; the unlocked siblings are re-split by
 * @weights so that the children still add up to @total. (To keep the siblings' current
 * proportions, pass @values as @weights.) Refused like sp_allocate(), with @out untouched
 * and @out_excess = new_value + other locked - total (> 0: over, < 0: short). */
gboolean     sp_allocation_rebalance            (gint64           total,
                                                 const gint64    *values,
                                                 const gboolean  *locked,
                                                 const gint64    *weights,
                                                 guint            n,
                                                 guint            edited,
                                                 gint64           new_value,
                                                 gint64          *out,
                                                 gint64          *out_excess,
                                                 GError         **error);

/* @total * @basis_points / 10000 (percent in hundredths: 12.5 % → 1250), rounded half away
 * from zero, exact; saturates at G_MININT64 / G_MAXINT64. */
gint64       sp_allocation_percent_of           (gint64           total,
                                                 gint64           basis_points);
/* @part's share of @total in basis points, rounded half away from zero; 0 when @total is 0. */
gint64       sp_allocation_percent_share        (gint64           part,
                                                 gint64           total);

/* Fills a two-way table (@n_rows x @n_cols, row-major into @out) whose row totals and
 * column totals are both fixed, by iterative proportional fitting from @seed (n_rows x
 * n_cols, each finite and >= 0; NULL: equal), then rounds it so that every row and every
 * column adds up exactly. Whenever the fit converges (at most 1000 sweeps, to 1e-9 of each
 * row total and on towards a thousandth of a unit) each cell is the floor of its real-valued
 * fit or one more, and a cell whose fit is 0 stays 0. Deterministic; cells are chosen by
 * largest fractional part, ties to the earlier row and column.
 *
 * A row or column whose total is 0 is all zeros; a row (column) with a positive total whose
 * seed is all zero is seeded equally. The totals must be >= 0 and sum (rows) must equal
 * sum (cols): otherwise SP_ALLOCATION_ERROR_MARGINS_DIFFER, @out untouched and
 * @out_difference (if not NULL) = sum (rows) - sum (cols) (0 on success). */
gboolean     sp_allocation_ipf                  (const gint64    *row_totals,
                                                 guint            n_rows,
                                                 const gint64    *col_totals,
                                                 guint            n_cols,
                                                 const double    *seed,
                                                 gint64          *out,
                                                 gint64          *out_difference,
                                                 GError         **error);

G_END_DECLS
