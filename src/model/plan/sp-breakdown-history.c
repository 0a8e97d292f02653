/* sp-breakdown-history.c — what the breakdown reads from the workspace besides its cells: the
 * members, the weights and seeds of a new breakdown, and last year's actuals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-allocation-private.h"
#include "sp-breakdown-private.h"

static void
member_clear (gpointer data)
{
  SpBdMember *member = data;

  g_clear_pointer (&member->name, g_free);
}

static guint32
column_julian (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  GDate date;

  if (text == NULL || !sp_date_parse_iso (text, &date))
    return 0;

  return g_date_get_julian (&date);
}

GArray *
sp_bd_list_members (sqlite3               *db,
                    SpBreakdownDimension   dimension,
                    GError               **error)
{
  static const char * const sql[] = {
    [SP_BREAKDOWN_DIMENSION_TEAM] = "SELECT 0, '', 0, NULL, NULL",
    [SP_BREAKDOWN_DIMENSION_REGION] =
      "SELECT id, name, 0, NULL, NULL FROM region ORDER BY position, name, id",
    [SP_BREAKDOWN_DIMENSION_REP] =
      "SELECT id, name, coalesce(region_id, 0), hired_on, left_on FROM rep ORDER BY name, id",
    [SP_BREAKDOWN_DIMENSION_PRODUCT] =
      "SELECT id, name, 0, NULL, NULL FROM product ORDER BY name, id",
    [SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE] =
      "SELECT id, name, 0, NULL, NULL FROM customer_type ORDER BY name, id",
  };
  g_autoptr(GArray) members = g_array_new (FALSE, TRUE, sizeof (SpBdMember));
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (db, sql[dimension], error);
  int rc;

  if (stmt == NULL)
    return NULL;

  g_array_set_clear_func (members, member_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpBdMember member;

      member.id = sqlite3_column_int64 (stmt, 0);
      member.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      member.region_id = sqlite3_column_int64 (stmt, 2);
      member.hired = column_julian (stmt, 3);
      member.left = column_julian (stmt, 4);
      g_array_append_val (members, member);
    }
  if (rc != SQLITE_DONE)
    {
      sp_sql_set_error (db, error, _("Could not read the team"));
      return NULL;
    }

  return g_steal_pointer (&members);
}

/* History by member and fiscal month over the basis years: n_series x n_years x 12. */
static const char * const history_by_month_sql[] = {
  [SP_BREAKDOWN_DIMENSION_TEAM] =
    "SELECT 0, CAST(substr(order_day, 6, 2) AS INTEGER), sum(amount) FROM history_order"
    " WHERE order_day BETWEEN ?1 AND ?2 GROUP BY 2",
  [SP_BREAKDOWN_DIMENSION_REGION] =
    "SELECT region_id, CAST(substr(order_day, 6, 2) AS INTEGER), sum(amount) FROM history_order"
    " WHERE order_day BETWEEN ?1 AND ?2 AND region_id IS NOT NULL GROUP BY 1, 2",
  [SP_BREAKDOWN_DIMENSION_REP] =
    "SELECT rep_id, CAST(substr(order_day, 6, 2) AS INTEGER), sum(amount) FROM history_order"
    " WHERE order_day BETWEEN ?1 AND ?2 AND rep_id IS NOT NULL GROUP BY 1, 2",
  [SP_BREAKDOWN_DIMENSION_PRODUCT] =
    "SELECT product_id, CAST(substr(order_day, 6, 2) AS INTEGER), sum(amount) FROM history_order"
    " WHERE order_day BETWEEN ?1 AND ?2 AND product_id IS NOT NULL GROUP BY 1, 2",
  [SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE] =
    "SELECT customer_type_id, CAST(substr(order_day, 6, 2) AS INTEGER), sum(amount)"
    " FROM history_order WHERE order_day BETWEEN ?1 AND ?2 AND customer_type_id IS NOT NULL"
    " GROUP BY 1, 2",
};

/* member id → series index + 1, for the series of one dimension. */
static GHashTable *
index_dimension (SpBdModel            *model,
                 SpBreakdownDimension  dimension)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint s = 0; s < sp_bd_model_n_series (model); s++)
    {
      SpBdSeries *series = sp_bd_series (model, s);

      if (series->dimension == dimension)
        g_hash_table_insert (index, &series->member_id, GUINT_TO_POINTER (s + 1));
    }

  return index;
}

static gboolean
bind_range (sqlite3_stmt *stmt,
            guint32       first,
            guint32       last)
{
  GDate date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!g_date_valid_julian (first) || !g_date_valid_julian (last))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  a = sp_date_format_iso (&date);
  g_date_set_julian (&date, last);
  b = sp_date_format_iso (&date);
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  return TRUE;
}

static gboolean
read_history (sqlite3       *db,
              SpBdModel     *model,
              const int     *years,
              guint          n_years,
              gint64        *out,
              GError       **error)
{
  const SpBdLayout *layout = model->layout;
  guint start_month = sp_calendar_get_start_month (layout->calendar);

  for (guint d = 0; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    {
      g_autoptr(GHashTable) index = index_dimension (model, d);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (g_hash_table_size (index) == 0)
        continue;
      stmt = sp_sql_prepare (db, history_by_month_sql[d], error);
      if (stmt == NULL)
        return FALSE;

      for (guint y = 0; y < n_years; y++)
        {
          GDate first, last;
          int rc;

          if (years[y] < 1 || years[y] >= G_MAXUINT16)
            continue;
          g_date_clear (&first, 1);
          g_date_clear (&last, 1);
          sp_calendar_fiscal_year_range (layout->calendar, years[y], &first, &last);
          sqlite3_reset (stmt);
          bind_range (stmt, g_date_get_julian (&first), g_date_get_julian (&last));

          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 member = sqlite3_column_int64 (stmt, 0);
              int month = sqlite3_column_int (stmt, 1);
              guint s = GPOINTER_TO_UINT (g_hash_table_lookup (index, &member));
              guint fiscal_month;

              if (s == 0 || month < 1 || month > 12)
                continue;
              fiscal_month = (guint) (month + 12 - (int) start_month) % 12;
              out[((gsize) (s - 1) * n_years + y) * SP_BD_N_MONTHS + fiscal_month]
                += sqlite3_column_int64 (stmt, 2);
            }
          if (rc != SQLITE_DONE)
            return sp_sql_set_error (db, error, _("Could not read the history"));
        }
    }

  return TRUE;
}

/* Employed on some day of the fiscal year. */
static gboolean
employed (const SpBdLayout *layout,
          const SpBdMember *rep)
{
  guint32 first = layout->first_julian;
  guint32 last = layout->first_julian + layout->n_days - 1;

  return (rep->hired == 0 || rep->hired <= last) && (rep->left == 0 || rep->left >= first);
}

static gboolean
add_members (sqlite3       *db,
             SpBdModel     *model,
             const gint64  *ramp_bp,
             guint          n_ramp,
             GError       **error)
{
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GArray) reps = NULL;
  g_autoptr(GArray) products = NULL;
  g_autoptr(GArray) types = NULL;

  if ((regions = sp_bd_list_members (db, SP_BREAKDOWN_DIMENSION_REGION, error)) == NULL
      || (reps = sp_bd_list_members (db, SP_BREAKDOWN_DIMENSION_REP, error)) == NULL
      || (products = sp_bd_list_members (db, SP_BREAKDOWN_DIMENSION_PRODUCT, error)) == NULL
      || (types = sp_bd_list_members (db, SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE, error)) == NULL)
    return FALSE;

  sp_bd_model_add_series (model, SP_BREAKDOWN_DIMENSION_TEAM, 0, NULL, -1);

  for (guint i = 0; i < regions->len; i++)
    {
      SpBdMember *region = &g_array_index (regions, SpBdMember, i);

      sp_bd_model_add_series (model, SP_BREAKDOWN_DIMENSION_REGION, region->id, region->name, 0);
    }

  /* Reps by region, so that each region's reps are together. */
  for (guint r = 0; r < regions->len; r++)
    {
      gint64 region_id = g_array_index (regions, SpBdMember, r).id;
      int parent = sp_bd_model_find (model, SP_BREAKDOWN_DIMENSION_REGION, region_id);

      for (guint i = 0; i < reps->len; i++)
        {
          SpBdMember *rep = &g_array_index (reps, SpBdMember, i);
          guint s;

          if (rep->region_id != region_id || !employed (model->layout, rep))
            continue;
          s = sp_bd_model_add_series (model, SP_BREAKDOWN_DIMENSION_REP, rep->id, rep->name,
                                      parent);
          sp_bd_series_set_active (model, s, rep->hired, rep->left, ramp_bp, n_ramp);
        }
    }

  for (guint i = 0; i < products->len; i++)
    {
      SpBdMember *product = &g_array_index (products, SpBdMember, i);

      sp_bd_model_add_series (model, SP_BREAKDOWN_DIMENSION_PRODUCT, product->id, product->name, 0);
    }
  for (guint i = 0; i < types->len; i++)
    {
      SpBdMember *type = &g_array_index (types, SpBdMember, i);

      sp_bd_model_add_series (model, SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE, type->id, type->name, 0);
    }

  return TRUE;
}

static gboolean
invalid_source (GError               **error,
                SpWeightSource         source,
                SpBreakdownDimension   dimension)
{
  g_set_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID,
               /* Translators: e.g. "“Headcount” weights cannot split a target over the
                * members of “Product”." */
               _("“%s” weights cannot split a target over the members of “%s”."),
               sp_weight_source_get_display_name (source),
               sp_breakdown_dimension_get_display_name (dimension));
  return FALSE;
}

static gboolean
time_weights (SpBdModel                 *model,
              const SpBreakdownOptions  *options,
              const gint64              *history,
              guint                      n_years,
              GError                   **error)
{
  const SpBdLayout *layout = model->layout;
  gint64 data[SP_BD_N_MONTHS];
  gint64 out[SP_BD_N_MONTHS];
  gint64 *weights = sp_bd_weights (model, 0);

  switch (options->time_source)
    {
    case SP_WEIGHT_SOURCE_EQUAL:
      sp_weights_fill (SP_WEIGHT_SOURCE_EQUAL, NULL, SP_BD_N_MONTHS, out);
      break;
    case SP_WEIGHT_SOURCE_WORKING_DAYS:
      for (guint m = 0; m < SP_BD_N_MONTHS; m++)
        data[m] = sp_bd_layout_working_days (layout, layout->month_day[m],
                                             layout->month_day[m + 1] - layout->month_day[m]);
      sp_weights_fill (SP_WEIGHT_SOURCE_WORKING_DAYS, data, SP_BD_N_MONTHS, out);
      break;
    case SP_WEIGHT_SOURCE_HISTORY:
      sp_weights_history (history, n_years, SP_BD_N_MONTHS, out);
      break;
    case SP_WEIGHT_SOURCE_CUSTOM:
      if (options->time_custom == NULL)
        {
          g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID,
                               _("Custom month weights need a weight for every month."));
          return FALSE;
        }
      sp_weights_fill (SP_WEIGHT_SOURCE_CUSTOM, options->time_custom, SP_BD_N_MONTHS, out);
      break;
    case SP_WEIGHT_SOURCE_HEADCOUNT:
    default:
      return invalid_source (error, options->time_source, SP_BREAKDOWN_DIMENSION_TEAM);
    }

  sp_bd_series (model, 0)->month_source = options->time_source;
  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    weights[SP_BD_S_MONTH (m)] = out[m];

  return TRUE;
}

static gint64
custom_weight (const SpBreakdownOptions *options,
               SpBdSeries               *series)
{
  for (guint i = 0; i < options->n_custom; i++)
    if (options->custom[i].dimension == series->dimension
        && options->custom[i].member_id == series->member_id)
      return options->custom[i].weight;

  return 0;
}

/* A row weight when nothing in the workspace gives one (no history at all): only the shape
 * of such a row matters to the fit, this keeps its seeds' rounding fine. */
#define SEED_SCALE G_GINT64_CONSTANT (1000000)

/* A family's year weights and month seeds. */
static gboolean
family_weights (SpBdModel                 *model,
                guint                      f,
                const SpBreakdownOptions  *options,
                const SpBdBasis           *basis,
                GError                   **error)
{
  SpBdFamily *family = sp_bd_family (model, f);
  SpWeightSource source = options->member_sources[family->dimension];
  gboolean reps = family->dimension == SP_BREAKDOWN_DIMENSION_REP;
  const gint64 *history = basis->history;
  guint n_years = basis->n_years;
  guint n = family->members->len;
  const gint64 *time = sp_bd_weights (model, 0) + SP_BD_S_MONTH (0);
  g_autofree gint64 *data = g_new0 (gint64, (gsize) MAX (n_years, 1) * n * SP_BD_N_MONTHS);
  g_autofree gint64 *years = g_new (gint64, n);
  g_autofree gint64 *seeds = g_new (gint64, (gsize) n * SP_BD_N_MONTHS);
  g_autofree gint64 *row_weights = g_new (gint64, n);
  Int128 time_total = 0;

  switch (source)
    {
    case SP_WEIGHT_SOURCE_EQUAL:
      sp_weights_fill (source, NULL, n, years);
      break;
    case SP_WEIGHT_SOURCE_HISTORY:
      for (guint y = 0; y < n_years; y++)
        for (guint i = 0; i < n; i++)
          {
            guint s = sp_bd_family_member (model, f, i);
            const gint64 *months = history + ((gsize) s * n_years + y) * SP_BD_N_MONTHS;

            for (guint m = 0; m < SP_BD_N_MONTHS; m++)
              data[(gsize) y * n + i] += months[m];
          }
      sp_weights_history (data, n_years, n, years);
      if (reps)
        sp_bd_replace_new_hires (model, f, basis, basis->rep_mean, years);
      break;
    case SP_WEIGHT_SOURCE_HEADCOUNT:
      if (family->dimension != SP_BREAKDOWN_DIMENSION_REGION && !reps)
        return invalid_source (error, source, family->dimension);
      for (guint i = 0; i < n; i++)
        {
          guint s = sp_bd_family_member (model, f, i);

          data[i] = 0;
          if (reps)
            data[i] = 1;
          else
            for (guint c = 0; c < sp_bd_model_n_series (model); c++)
              data[i] += sp_bd_series (model, c)->parent == (int) s;
        }
      sp_weights_fill (source, data, n, years);
      break;
    case SP_WEIGHT_SOURCE_CUSTOM:
      for (guint i = 0; i < n; i++)
        data[i] = custom_weight (options, sp_bd_series (model, sp_bd_family_member (model, f, i)));
      sp_weights_fill (source, data, n, years);
      break;
    case SP_WEIGHT_SOURCE_WORKING_DAYS:
    default:
      return invalid_source (error, source, family->dimension);
    }
  /* Custom weights are the user's own: taken as they are. */
  if (reps && source != SP_WEIGHT_SOURCE_CUSTOM)
    sp_bd_rep_year_weights (model, f, years);

  /* Seeds: each member's month-of-year history, or equal. */
  memset (data, 0, (gsize) MAX (n_years, 1) * n * SP_BD_N_MONTHS * sizeof *data);
  if (options->seed_source == SP_WEIGHT_SOURCE_HISTORY)
    {
      Int128 sum = 0;
      guint n_sum = 0;

      for (guint y = 0; y < n_years; y++)
        for (guint i = 0; i < n; i++)
          {
            guint s = sp_bd_family_member (model, f, i);

            memcpy (data + ((gsize) y * n + i) * SP_BD_N_MONTHS,
                    history + ((gsize) s * n_years + y) * SP_BD_N_MONTHS,
                    SP_BD_N_MONTHS * sizeof *data);
          }
      sp_weights_history (data, n_years, n * SP_BD_N_MONTHS, seeds);

      /* Row weights: the member's history total; a rep not through the basis years (and
       * another member with none) gets the mean of those who have one. */
      for (guint i = 0; i < n; i++)
        {
          row_weights[i] = 0;
          for (guint m = 0; m < SP_BD_N_MONTHS; m++)
            row_weights[i] += seeds[(gsize) i * SP_BD_N_MONTHS + m];
          if (reps ? basis->through[sp_bd_family_member (model, f, i)] : row_weights[i] > 0)
            {
              sum += row_weights[i];
              n_sum++;
            }
        }
      for (guint i = 0; i < n; i++)
        {
          gboolean own = reps ? basis->through[sp_bd_family_member (model, f, i)]
                              : row_weights[i] > 0;

          if (!own)
            row_weights[i] = n_sum > 0 ? sp_bd_mean (sum, n_sum)
                                       : reps && basis->rep_mean > 0 ? basis->rep_mean : 0;
          if (row_weights[i] <= 0)
            row_weights[i] = SEED_SCALE;
        }
      for (guint m = 0; m < SP_BD_N_MONTHS; m++)
        time_total += MAX (time[m], 0);

      /* A month without history: the row weight x the team's month share, never 0. */
      for (guint i = 0; i < n; i++)
        for (guint m = 0; m < SP_BD_N_MONTHS; m++)
          {
            gint64 *seed = &seeds[(gsize) i * SP_BD_N_MONTHS + m];
            Int128 share;

            if (*seed > 0)
              continue;
            if (time_total > 0)
              share = ((Int128) row_weights[i] * MAX (time[m], 0) * 2 + time_total)
                      / (2 * time_total);
            else
              share = ((Int128) row_weights[i] * 2 + SP_BD_N_MONTHS) / (2 * SP_BD_N_MONTHS);
            *seed = (gint64) MAX (share, 1);
          }
    }
  else
    sp_weights_fill (SP_WEIGHT_SOURCE_EQUAL, NULL, n * SP_BD_N_MONTHS, seeds);

  for (guint i = 0; i < n; i++)
    {
      guint s = sp_bd_family_member (model, f, i);
      gint64 *row = seeds + (gsize) i * SP_BD_N_MONTHS;
      gint64 *weights = sp_bd_weights (model, s);

      /* Never months a member is not on the team in. */
      for (guint m = 0; m < SP_BD_N_MONTHS; m++)
        if (sp_bd_month_factor (model, s, m) == 0)
          row[m] = 0;

      sp_bd_series (model, s)->year_source = source;
      sp_bd_series (model, s)->month_source = options->seed_source;
      weights[SP_BD_S_YEAR] = years[i];
      for (guint m = 0; m < SP_BD_N_MONTHS; m++)
        weights[SP_BD_S_MONTH (m)] = row[m];
    }

  return TRUE;
}

static gboolean
needs_history (const SpBreakdownOptions *options)
{
  if (options->time_source == SP_WEIGHT_SOURCE_HISTORY
      || options->seed_source == SP_WEIGHT_SOURCE_HISTORY)
    return TRUE;
  for (guint d = 0; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    if (options->member_sources[d] == SP_WEIGHT_SOURCE_HISTORY)
      return TRUE;

  return FALSE;
}

SpBdModel *
sp_bd_build_model (sqlite3                   *db,
                   SpBdLayout                *layout,
                   const SpBreakdownOptions  *options,
                   const int                 *basis_years,
                   guint                      n_basis_years,
                   const gint64              *ramp_bp,
                   guint                      n_ramp,
                   GError                   **error)
{
  g_autoptr(SpBdModel) model = sp_bd_model_new (layout);
  g_autofree gint64 *history = NULL;
  SpBdBasis basis;
  gboolean ok = TRUE;

  if (options->seed_source != SP_WEIGHT_SOURCE_HISTORY
      && options->seed_source != SP_WEIGHT_SOURCE_EQUAL)
    {
      invalid_source (error, options->seed_source, SP_BREAKDOWN_DIMENSION_TEAM);
      return NULL;
    }

  if (!add_members (db, model, ramp_bp, n_ramp, error))
    return NULL;
  sp_bd_model_finish (model);
  sp_bd_model_set_region_ranges (model);

  history = g_new0 (gint64, (gsize) sp_bd_model_n_series (model) * MAX (n_basis_years, 1)
                            * SP_BD_N_MONTHS);
  if (needs_history (options)
      && !read_history (db, model, basis_years, n_basis_years, history, error))
    return NULL;

  if (!time_weights (model, options, history, n_basis_years, error))
    return NULL;
  sp_bd_basis_init (&basis, model, history, basis_years, n_basis_years);
  for (guint f = 0; f < model->families->len && ok; f++)
    ok = family_weights (model, f, options, &basis, error);
  g_free (basis.through);
  if (!ok)
    return NULL;

  for (guint s = 0; s < sp_bd_model_n_series (model); s++)
    for (guint w = 0; w < layout->n_weeks; w++)
      {
        guint first = layout->parts[layout->week_part[w]].first;
        guint last_part = layout->week_part[w + 1] - 1;
        guint n_days = layout->parts[last_part].first + layout->parts[last_part].n_days - first;

        sp_bd_weights (model, s)[SP_BD_S_WEEK (w)] =
          sp_bd_series_working_days (model, s, first, n_days);
      }

  return g_steal_pointer (&model);
}

/* Last year's actuals. */

struct _SpBdHistory
{
  guint32  first;      /* Julian day of the window's first day */
  guint    n_days;
  guint    n_series;
  gint64  *prefix;     /* n_series x (n_days + 1) running sums */
};

static const char * const history_by_day_sql[] = {
  [SP_BREAKDOWN_DIMENSION_TEAM] =
    "SELECT 0, order_day, sum(amount) FROM history_order"
    " WHERE order_day BETWEEN ?1 AND ?2 GROUP BY 2",
  [SP_BREAKDOWN_DIMENSION_REGION] =
    "SELECT region_id, order_day, sum(amount) FROM history_order"
    " WHERE order_day BETWEEN ?1 AND ?2 AND region_id IS NOT NULL GROUP BY 1, 2",
  [SP_BREAKDOWN_DIMENSION_REP] =
    "SELECT rep_id, order_day, sum(amount) FROM history_order"
    " WHERE order_day BETWEEN ?1 AND ?2 AND rep_id IS NOT NULL GROUP BY 1, 2",
  [SP_BREAKDOWN_DIMENSION_PRODUCT] =
    "SELECT product_id, order_day, sum(amount) FROM history_order"
    " WHERE order_day BETWEEN ?1 AND ?2 AND product_id IS NOT NULL GROUP BY 1, 2",
  [SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE] =
    "SELECT customer_type_id, order_day, sum(amount) FROM history_order"
    " WHERE order_day BETWEEN ?1 AND ?2 AND customer_type_id IS NOT NULL GROUP BY 1, 2",
};

SpBdHistory *
sp_bd_history_load (sqlite3    *db,
                    SpBdModel  *model,
                    GError    **error)
{
  const SpBdLayout *layout = model->layout;
  g_autoptr(SpBdHistory) history = g_new0 (SpBdHistory, 1);
  guint stride;

  /* Years, quarters and months compare with the same dates a year earlier; weeks and days
   * with 52 weeks earlier. */
  history->first = layout->first_julian > 367 ? layout->first_julian - 367 : 1;
  history->n_days = layout->first_julian + layout->n_days - 363 - history->first;
  history->n_series = sp_bd_model_n_series (model);
  stride = history->n_days + 1;
  history->prefix = g_new0 (gint64, (gsize) MAX (history->n_series, 1) * stride);

  for (guint d = 0; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    {
      g_autoptr(GHashTable) index = index_dimension (model, d);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (g_hash_table_size (index) == 0)
        continue;
      stmt = sp_sql_prepare (db, history_by_day_sql[d], error);
      if (stmt == NULL)
        return NULL;
      bind_range (stmt, history->first, history->first + history->n_days - 1);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 member = sqlite3_column_int64 (stmt, 0);
          guint s = GPOINTER_TO_UINT (g_hash_table_lookup (index, &member));
          guint32 julian = column_julian (stmt, 1);

          if (s == 0 || julian < history->first || julian >= history->first + history->n_days)
            continue;
          history->prefix[(gsize) (s - 1) * stride + (julian - history->first) + 1]
            += sqlite3_column_int64 (stmt, 2);
        }
      if (rc != SQLITE_DONE)
        {
          sp_sql_set_error (db, error, _("Could not read the history"));
          return NULL;
        }
    }

  for (guint s = 0; s < history->n_series; s++)
    {
      gint64 *row = history->prefix + (gsize) s * stride;

      for (guint k = 1; k < stride; k++)
        row[k] += row[k - 1];
    }

  return g_steal_pointer (&history);
}

void
sp_bd_history_free (SpBdHistory *history)
{
  if (history == NULL)
    return;

  g_free (history->prefix);
  g_free (history);
}

gint64
sp_bd_history_sum (const SpBdHistory *history,
                   guint              s,
                   guint32            first,
                   guint32            last)
{
  const gint64 *row;
  guint a, b;

  if (s >= history->n_series || last < history->first || first > last)
    return 0;

  a = first < history->first ? 0 : first - history->first;
  b = MIN (last - history->first + 1, history->n_days);
  if (a >= b)
    return 0;

  row = history->prefix + (gsize) s * (history->n_days + 1);
  return row[b] - row[a];
}
