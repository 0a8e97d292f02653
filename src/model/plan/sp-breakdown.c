/* sp-breakdown.c — a plan's breakdown as an object: generating its cells and editing them, one
 * undoable step per edit, with the model reloaded whenever the workspace changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-breakdown-private.h"

struct _SpBreakdown
{
  GObject       parent_instance;

  SpStore      *store;
  SpBdPlan      plan;
  SpBdModel    *model;         /* NULL: read again when needed */
  SpBdHistory  *history;
  gboolean      stale;         /* the cells no longer fit the calendar or the team */
  gboolean      own_change;
  gint64        compute_us;
  gint64        persist_us;
};

G_DEFINE_FINAL_TYPE (SpBreakdown, sp_breakdown, G_TYPE_OBJECT)
G_DEFINE_QUARK (sp-breakdown-error-quark, sp_breakdown_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct
{
  const char *nick;
  const char *name;
} dimensions[] = {
  [SP_BREAKDOWN_DIMENSION_TEAM]          = { "team", N_("Team") },
  [SP_BREAKDOWN_DIMENSION_REGION]        = { "region", N_("Region") },
  [SP_BREAKDOWN_DIMENSION_REP]           = { "rep", N_("Rep") },
  [SP_BREAKDOWN_DIMENSION_PRODUCT]       = { "product", N_("Product") },
  [SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE] = { "customer_type", N_("Customer type") },
}, periods[] = {
  [SP_BREAKDOWN_PERIOD_YEAR]    = { "year", N_("Year") },
  [SP_BREAKDOWN_PERIOD_QUARTER] = { "quarter", N_("Quarter") },
  [SP_BREAKDOWN_PERIOD_MONTH]   = { "month", N_("Month") },
  [SP_BREAKDOWN_PERIOD_WEEK]    = { "week", N_("Week") },
  [SP_BREAKDOWN_PERIOD_DAY]     = { "day", N_("Day") },
};

const char *
sp_breakdown_dimension_to_string (SpBreakdownDimension dimension)
{
  g_return_val_if_fail ((guint) dimension < G_N_ELEMENTS (dimensions), NULL);
  return dimensions[dimension].nick;
}

gboolean
sp_breakdown_dimension_from_string (const char           *text,
                                    SpBreakdownDimension *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (dimensions); i++)
    if (strcmp (text, dimensions[i].nick) == 0)
      {
        *out = (SpBreakdownDimension) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_breakdown_dimension_get_display_name (SpBreakdownDimension dimension)
{
  g_return_val_if_fail ((guint) dimension < G_N_ELEMENTS (dimensions), NULL);
  return _(dimensions[dimension].name);
}

const char *
sp_breakdown_period_to_string (SpBreakdownPeriod period)
{
  g_return_val_if_fail ((guint) period < G_N_ELEMENTS (periods), NULL);
  return periods[period].nick;
}

gboolean
sp_breakdown_period_from_string (const char        *text,
                                 SpBreakdownPeriod *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (periods); i++)
    if (strcmp (text, periods[i].nick) == 0)
      {
        *out = (SpBreakdownPeriod) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_breakdown_period_get_display_name (SpBreakdownPeriod period)
{
  g_return_val_if_fail ((guint) period < G_N_ELEMENTS (periods), NULL);
  return _(periods[period].name);
}

void
sp_breakdown_options_init (SpBreakdownOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->time_source = SP_WEIGHT_SOURCE_WORKING_DAYS;
  options->member_sources[SP_BREAKDOWN_DIMENSION_TEAM] = SP_WEIGHT_SOURCE_EQUAL;
  options->member_sources[SP_BREAKDOWN_DIMENSION_REGION] = SP_WEIGHT_SOURCE_HISTORY;
  options->member_sources[SP_BREAKDOWN_DIMENSION_REP] = SP_WEIGHT_SOURCE_EQUAL;
  options->member_sources[SP_BREAKDOWN_DIMENSION_PRODUCT] = SP_WEIGHT_SOURCE_HISTORY;
  options->member_sources[SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE] = SP_WEIGHT_SOURCE_HISTORY;
  options->seed_source = SP_WEIGHT_SOURCE_HISTORY;
}

static void
forget (SpBreakdown *self)
{
  g_clear_pointer (&self->model, sp_bd_model_free);
  g_clear_pointer (&self->history, sp_bd_history_free);
}

/* Someone else changed the workspace (an undo, a redo, an import, another view's edit). */
static void
store_changed_cb (SpBreakdown *self)
{
  if (self->own_change)
    return;

  forget (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
sp_breakdown_dispose (GObject *object)
{
  SpBreakdown *self = (SpBreakdown *)object;

  forget (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sp_breakdown_parent_class)->dispose (object);
}

static void
sp_breakdown_finalize (GObject *object)
{
  SpBreakdown *self = (SpBreakdown *)object;

  g_free (self->plan.basis_years);
  g_clear_pointer (&self->plan.ramp_bp, g_array_unref);

  G_OBJECT_CLASS (sp_breakdown_parent_class)->finalize (object);
}

static void
sp_breakdown_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpBreakdown *self = SP_BREAKDOWN (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLAN_ID:
      g_value_set_int64 (value, self->plan.id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_breakdown_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpBreakdown *self = SP_BREAKDOWN (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      break;
    case PROP_PLAN_ID:
      self->plan.id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_breakdown_class_init (SpBreakdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_breakdown_dispose;
  object_class->finalize = sp_breakdown_finalize;
  object_class->get_property = sp_breakdown_get_property;
  object_class->set_property = sp_breakdown_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_ID] =
    g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The cells changed: after an edit, or after a change to the workspace from elsewhere. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_breakdown_init (SpBreakdown *self)
{
}

SpBreakdown *
sp_breakdown_new (SpStore  *store,
                  gint64    plan_id,
                  GError  **error)
{
  g_autoptr(SpBreakdown) self = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SP_TYPE_BREAKDOWN, "store", store, "plan-id", plan_id, NULL);
  if (!sp_bd_read_plan (store, plan_id, &self->plan, error))
    return NULL;

  return g_steal_pointer (&self);
}

SpStore *
sp_breakdown_get_store (SpBreakdown *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN (self), NULL);
  return self->store;
}

gint64
sp_breakdown_get_plan_id (SpBreakdown *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN (self), 0);
  return self->plan.id;
}

int
sp_breakdown_get_fiscal_year (SpBreakdown *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN (self), 0);
  return self->plan.fiscal_year;
}

SpBdModel *
sp_breakdown_get_model (SpBreakdown  *self,
                        GError      **error)
{
  if (self->model == NULL && sp_bd_read_plan (self->store, self->plan.id, &self->plan, error))
    self->model = sp_bd_read_model (self->store, &self->plan, &self->stale, error);

  return self->model;
}

SpBdHistory *
sp_breakdown_get_history (SpBreakdown  *self,
                          GError      **error)
{
  SpBdModel *model = sp_breakdown_get_model (self, error);

  if (model != NULL && self->history == NULL)
    self->history = sp_bd_history_load (sp_store_get_db (self->store), model, error);

  return self->history;
}

gboolean
sp_breakdown_is_empty (SpBreakdown *self)
{
  SpBdModel *model;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), TRUE);

  model = sp_breakdown_get_model (self, NULL);
  return model == NULL || sp_bd_model_n_series (model) == 0;
}

gboolean
sp_breakdown_is_stale (SpBreakdown *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN (self), FALSE);

  return sp_breakdown_get_model (self, NULL) != NULL && self->stale;
}

guint
sp_breakdown_get_n_periods (SpBreakdown       *self,
                            SpBreakdownPeriod  period)
{
  SpBdModel *model;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), 0);

  model = sp_breakdown_get_model (self, NULL);
  return model ? sp_bd_layout_n_periods (model->layout, period) : 0;
}

gint64
sp_breakdown_get_target (SpBreakdown *self)
{
  return self->plan.target;
}

void
sp_breakdown_get_timings (SpBreakdown *self,
                          gint64      *compute_us,
                          gint64      *persist_us)
{
  *compute_us = self->compute_us;
  *persist_us = self->persist_us;
}

static gboolean
commit (SpBreakdown  *self,
        GError      **error)
{
  gboolean ok;

  self->own_change = TRUE;
  ok = sp_store_commit_edit (self->store, error);
  self->own_change = FALSE;

  return ok;
}

gboolean
sp_breakdown_generate (SpBreakdown               *self,
                       const SpBreakdownOptions  *options,
                       GError                   **error)
{
  SpBreakdownOptions defaults;
  g_autoptr(GArray) years = NULL;
  g_autoptr(SpBdModel) model = NULL;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      sp_breakdown_options_init (&defaults);
      options = &defaults;
    }
  g_return_val_if_fail (options->n_basis_years == 0 || options->basis_years != NULL, FALSE);
  g_return_val_if_fail (options->n_custom == 0 || options->custom != NULL, FALSE);

  if (!sp_bd_read_plan (self->store, self->plan.id, &self->plan, error))
    return FALSE;

  years = sp_bd_basis_years (&self->plan, options);
  model = sp_bd_build_model (sp_store_get_db (self->store),
                             sp_bd_make_layout (self->store, self->plan.fiscal_year), options,
                             (const int *) (gpointer) years->data, years->len,
                             sp_bd_plan_ramp (&self->plan), sp_bd_plan_n_ramp (&self->plan),
                             error);
  if (model == NULL || !sp_bd_compute_all (model, self->plan.target, error))
    return FALSE;

  if (!sp_store_begin_edit (self->store, _("Break down target"), error))
    return FALSE;
  if (!sp_bd_write_model (self->store, self->plan.id, model, error) || !commit (self, error))
    {
      sp_store_rollback_edit (self->store);
      return FALSE;
    }

  forget (self);
  self->model = g_steal_pointer (&model);
  self->stale = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Edits. */

static SpBdModel *
editable_model (SpBreakdown  *self,
                GError      **error)
{
  SpBdModel *model = sp_breakdown_get_model (self, error);

  if (model == NULL)
    return NULL;

  if (sp_bd_model_n_series (model) == 0)
    {
      g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_EMPTY,
                           _("The target has not been broken down yet."));
      return NULL;
    }
  if (self->stale)
    {
      g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_STALE,
                           _("The calendar or the team has changed since the target was broken "
                             "down. Break the target down again."));
      return NULL;
    }

  return model;
}

/* The series and slot of @cell; days are never edited. */
static gboolean
find_cell (SpBdModel              *model,
           const SpBreakdownCell  *cell,
           gboolean                allow_days,
           guint                  *out_series,
           GError                **error)
{
  int s = sp_bd_model_find (model, cell->dimension, cell->member_id);

  if (s < 0 || (guint) cell->period > SP_BREAKDOWN_PERIOD_DAY
      || cell->index >= sp_bd_layout_n_periods (model->layout, cell->period))
    {
      g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_NOT_FOUND,
                           _("There is no such cell in the breakdown."));
      return FALSE;
    }
  if (!allow_days && cell->period == SP_BREAKDOWN_PERIOD_DAY)
    {
      g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID,
                           _("A day’s target follows its week: change the week instead."));
      return FALSE;
    }

  *out_series = (guint) s;
  return TRUE;
}

/* Whether series @s has a working day on the team in @cell's period (DOMAIN.md §2: a rep
 * never carries target for days before joining or after leaving). */
static gboolean
on_team (SpBdModel             *model,
         guint                  s,
         const SpBreakdownCell *cell)
{
  const SpBdLayout *layout = model->layout;
  guint32 first, last;

  sp_bd_layout_period_range (layout, cell->period, cell->index, NULL, &first, &last);
  if (last < first)
    return FALSE;
  if (sp_bd_series_working_days (model, s, first - layout->first_julian, last - first + 1) > 0)
    return TRUE;

  /* A period without working days: on the team on any of its days. */
  return sp_bd_layout_working_days (layout, first - layout->first_julian, last - first + 1) == 0
         && sp_bd_series (model, s)->active_first <= last - layout->first_julian
         && sp_bd_series (model, s)->active_end > first - layout->first_julian;
}

/* Writes every cell whose amount or lock differs from the table as one undo step. */
static gboolean
persist (SpBreakdown  *self,
         const char   *label,
         const guint8 *locks_before,
         GError      **error)
{
  SpBdModel *model = self->model;
  sqlite3 *db = sp_store_get_db (self->store);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (SpBdChange));
  gint64 start = g_get_monotonic_time ();
  gint64 target = sp_bd_values (model, 0)[SP_BD_V_YEAR];

  for (guint s = 0; s < sp_bd_model_n_series (model); s++)
    {
      const gint64 *v = sp_bd_values (model, s);
      gsize base = (gsize) s * model->slot_stride;

      for (guint slot = 0; slot < model->slot_stride; slot++)
        {
          gint64 amount = sp_bd_slot_amount (model, v, slot);

          if (amount != model->stored[base + slot]
              || model->locks[base + slot] != locks_before[base + slot])
            {
              SpBdChange change = { s, slot, amount };

              g_array_append_val (changes, change);
            }
        }
    }
  if (changes->len == 0 && target == self->plan.target)
    return TRUE;

  if (!sp_store_begin_edit (self->store, label, error))
    return FALSE;

  if (!sp_bd_write_cells (db, model, (const SpBdChange *) (gpointer) changes->data, changes->len,
                          error))
    goto fail;

  /* The team's year is the plan's target; the higher tiers are never below it. */
  if (target != self->plan.target)
    {
      g_autoptr(sqlite3_stmt) plan =
        sp_sql_prepare (db, "UPDATE plan SET target = ?1, sprint = max(sprint, ?1),"
                            " challenge = max(challenge, ?1) WHERE id = ?2", error);

      if (plan == NULL)
        goto fail;
      sqlite3_bind_int64 (plan, 1, target);
      sqlite3_bind_int64 (plan, 2, self->plan.id);
      if (sqlite3_step (plan) != SQLITE_DONE)
        {
          sp_sql_set_error (db, error, _("Could not change the target"));
          goto fail;
        }
    }

  if (!commit (self, error))
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      SpBdChange *change = &g_array_index (changes, SpBdChange, i);

      model->stored[(gsize) change->series * model->slot_stride + change->slot] = change->amount;
    }
  self->plan.target = target;
  self->persist_us = g_get_monotonic_time () - start;
  return TRUE;

fail:
  sp_store_rollback_edit (self->store);
  return FALSE;
}

/* Runs @cell's edit on the model and saves it; on any failure the model is put back. */
static gboolean
edit (SpBreakdown            *self,
      const SpBreakdownCell  *cell,
      gboolean                set_amount,
      gint64                  amount,
      int                     lock,
      const char             *label,
      gint64                 *out_excess,
      GError                **error)
{
  SpBdModel *model = editable_model (self, error);
  g_autofree gint64 *values_before = NULL;
  g_autofree guint8 *locks_before = NULL;
  gint64 start;
  guint s;
  guint slot;

  if (out_excess != NULL)
    *out_excess = 0;
  if (model == NULL || !find_cell (model, cell, FALSE, &s, error))
    return FALSE;
  if (set_amount && amount < 0)
    {
      g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID,
                           _("A target cannot be negative."));
      return FALSE;
    }

  if (set_amount && amount > 0 && !on_team (model, s, cell))
    {
      g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID,
                           _("This member is not on the team during this period, so its "
                             "target there stays 0."));
      return FALSE;
    }

  slot = sp_bd_slot_of (cell->period, cell->index);
  values_before = g_memdup2 (model->values, sp_bd_model_values_size (model) * sizeof (gint64));
  locks_before = g_memdup2 (model->locks, sp_bd_model_slots_size (model));

  start = g_get_monotonic_time ();
  if (set_amount
      && !sp_bd_apply_edit (model, s, cell->period, cell->index, amount, values_before,
                            out_excess, error))
    goto fail;
  if (lock >= 0)
    sp_bd_locks (model, s)[slot] = lock ? 1 : 0;
  self->compute_us = g_get_monotonic_time () - start;

  if (!persist (self, label, locks_before, error))
    goto fail;

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;

fail:
  memcpy (model->values, values_before, sp_bd_model_values_size (model) * sizeof (gint64));
  memcpy (model->locks, locks_before, sp_bd_model_slots_size (model));
  return FALSE;
}

gboolean
sp_breakdown_set_amount (SpBreakdown            *self,
                         const SpBreakdownCell  *cell,
                         gint64                  amount,
                         SpBreakdownEditFlags    flags,
                         gint64                 *out_excess,
                         GError                **error)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN (self), FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return edit (self, cell, TRUE, amount, (flags & SP_BREAKDOWN_EDIT_LOCK) ? 1 : -1,
               _("Edit breakdown"), out_excess, error);
}

/* @s's @parent_slot once @cell is set to @amount (the model's values are put back to
 * @before), or -1 when that edit is refused. */
static gint64
parent_after (SpBdModel             *model,
              guint                  s,
              const SpBreakdownCell *cell,
              guint                  parent_slot,
              gint64                 amount,
              const gint64          *before)
{
  g_autoptr(GError) error = NULL;
  gint64 excess = 0, parent = -1;

  if (sp_bd_apply_edit (model, s, cell->period, cell->index, amount, before, &excess, &error))
    parent = sp_bd_slot_amount (model, sp_bd_values (model, s), parent_slot);
  memcpy (model->values, before, sp_bd_model_values_size (model) * sizeof (gint64));
  return parent;
}

/* The amount that is @basis_points of its period's parent after the rebalance it causes: the
 * siblings that take up the change may be inside the parent or outside it, so the parent
 * moves with the cell. The parent after the edit is (but for rounding) affine in the amount:
 * a secant search on amount - share(parent) from the share of the parent before. */
static gint64
share_of_parent_after (SpBdModel             *model,
                       guint                  s,
                       const SpBreakdownCell *cell,
                       guint                  parent_slot,
                       gint64                 basis_points)
{
  g_autofree gint64 *before = g_memdup2 (model->values,
                                         sp_bd_model_values_size (model) * sizeof (gint64));
  gint64 x = sp_allocation_percent_of (sp_bd_slot_amount (model, sp_bd_values (model, s),
                                                          parent_slot), basis_points);
  gint64 prev_x = -1, prev_gap = 0;

  for (int i = 0; i < 8; i++)
    {
      gint64 parent = parent_after (model, s, cell, parent_slot, x, before);
      gint64 gap, next;

      if (parent < 0)
        break;
      gap = sp_allocation_percent_of (parent, basis_points) - x;
      if (gap == 0)
        break;
      if (prev_x >= 0 && prev_x != x && prev_gap != gap)
        next = x + (gint64) ((double) gap * (double) (x - prev_x) / (double) (prev_gap - gap)
                             + (gap > 0 ? 0.5 : -0.5));
      else
        next = x + gap;
      prev_x = x;
      prev_gap = gap;
      x = MAX (next, 0);
    }
  return x;
}

gboolean
sp_breakdown_set_percent (SpBreakdown            *self,
                          const SpBreakdownCell  *cell,
                          SpBreakdownParent       of,
                          gint64                  basis_points,
                          SpBreakdownEditFlags    flags,
                          gint64                 *out_excess,
                          GError                **error)
{
  SpBdModel *model;
  const gint64 *v;
  guint parent_slot;
  guint s;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_excess != NULL)
    *out_excess = 0;
  model = editable_model (self, error);
  if (model == NULL || !find_cell (model, cell, FALSE, &s, error))
    return FALSE;

  v = sp_bd_values (model, s);
  parent_slot = sp_bd_slot_of (cell->period, cell->index);
  if (of == SP_BREAKDOWN_OF_MEMBER && sp_bd_series (model, s)->parent >= 0)
    v = sp_bd_values (model, (guint) sp_bd_series (model, s)->parent);
  else if (of == SP_BREAKDOWN_OF_PERIOD && cell->period == SP_BREAKDOWN_PERIOD_QUARTER)
    parent_slot = SP_BD_S_YEAR;
  else if (of == SP_BREAKDOWN_OF_PERIOD && cell->period == SP_BREAKDOWN_PERIOD_MONTH)
    parent_slot = SP_BD_S_QUARTER (cell->index / 3);
  else if (of == SP_BREAKDOWN_OF_PERIOD && cell->period == SP_BREAKDOWN_PERIOD_WEEK)
    parent_slot = SP_BD_S_MONTH (model->layout->parts[model->layout->week_part[cell->index]].month);
  else
    {
      g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID,
                           of == SP_BREAKDOWN_OF_MEMBER
                           ? _("The team’s target is not a part of anything: enter an amount.")
                           : _("A year is not a part of a longer period: enter an amount."));
      return FALSE;
    }
  if (basis_points < 0)
    {
      g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID,
                           _("A share cannot be negative."));
      return FALSE;
    }

  return edit (self, cell, TRUE,
               of == SP_BREAKDOWN_OF_PERIOD
               ? share_of_parent_after (model, s, cell, parent_slot, basis_points)
               : sp_allocation_percent_of (sp_bd_slot_amount (model, v, parent_slot), basis_points),
               (flags & SP_BREAKDOWN_EDIT_LOCK) ? 1 : -1, _("Edit breakdown"), out_excess, error);
}

gboolean
sp_breakdown_set_locked (SpBreakdown            *self,
                         const SpBreakdownCell  *cell,
                         gboolean                locked,
                         GError                **error)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN (self), FALSE);
  g_return_val_if_fail (cell != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return edit (self, cell, FALSE, 0, locked ? 1 : 0,
               locked ? _("Lock breakdown cell") : _("Unlock breakdown cell"), NULL, error);
}
