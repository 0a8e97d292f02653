/* sp-worksheet-edit.c — the target-setting worksheet's edits, each one undoable step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worksheet"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-money.h"
#include "sp-plan.h"
#include "sp-store-private.h"
#include "sp-worksheet-private.h"

/* Larger amounts are refused so that no sum of the worksheet can overflow. */
#define MAX_AMOUNT G_GINT64_CONSTANT (100000000000000000)
#define MIN_BP (-10000)
#define MAX_BP 100000
/* What a failed statement of this file says (sp_sql_run prefixes the SQLite detail). */
#define CHANGE_FAILED _("Could not change the worksheet")

/* "12.5%", "-2.5%", "3%": basis points as a percent, for messages. */
char *
sp_worksheet_format_bp (gint64 bp)
{
  guint64 magnitude = bp < 0 ? -(guint64) bp : (guint64) bp;
  guint64 whole = magnitude / 100, hundredths = magnitude % 100;

  if (hundredths == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%%", bp < 0 ? "-" : "", whole);
  if (hundredths % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT "%%",
                            bp < 0 ? "-" : "", whole, hundredths / 10);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02" G_GUINT64_FORMAT "%%",
                          bp < 0 ? "-" : "", whole, hundredths);
}

gboolean
sp_worksheet_parse_percent (const char  *text,
                            gint64      *out_bp,
                            GError     **error)
{
  g_autofree char *normal = NULL;
  const char *p;
  gboolean negative = FALSE, digits = FALSE;
  guint64 whole = 0, fraction = 0;
  guint decimals = 0;
  gboolean round_up = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_bp != NULL, FALSE);

  /* NFKC reads full-width digits and signs as ASCII. */
  if (g_utf8_validate (text, -1, NULL))
    normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normal == NULL)
    goto invalid;

  g_strstrip (normal);
  if (g_str_has_suffix (normal, "%"))
    normal[strlen (normal) - 1] = '\0';
  g_strstrip (normal);

  p = normal;
  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p); p++)
    {
      digits = TRUE;
      whole = whole * 10 + (guint64) (*p - '0');
      if (whole > G_GUINT64_CONSTANT (1000000000000))
        goto invalid;
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        digits = TRUE;
        if (decimals < 2)
          fraction = fraction * 10 + (guint64) (*p - '0');
        else if (decimals == 2)
          round_up = *p >= '5';
        decimals++;
      }
  if (!digits || *p != '\0')
    goto invalid;

  while (decimals < 2)
    {
      fraction *= 10;
      decimals++;
    }
  *out_bp = (gint64) (whole * 100 + fraction + (round_up ? 1 : 0));
  if (negative)
    *out_bp = -*out_bp;
  return TRUE;

invalid:
  {
    g_autofree char *shown = g_utf8_make_valid (text, -1);

    g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID,
                 _("“%s” is not a percentage"), shown);
  }
  return FALSE;
}

/* Opens the edit after checking that @plan_id exists (inside it, so that the check holds). */
gboolean
sp_worksheet_begin_edit (SpStore     *store,
                         gint64       plan_id,
                         const char  *label,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!sp_store_begin_edit (store, label, error))
    return FALSE;

  stmt = sp_sql_prepare (sp_store_get_db (store), "SELECT 1 FROM plan WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_NOT_FOUND,
                 _("There is no plan with id %lld"), (long long) plan_id);
  else
    sp_store_set_sql_error (store, error, _("Could not change the worksheet"));

fail:
  sp_store_rollback_edit (store);
  return FALSE;
}

/* Commits when @ok, else rolls back. */
gboolean
sp_worksheet_end_edit (SpStore   *store,
                       gboolean   ok,
                       GError   **error)
{
  if (!ok)
    {
      sp_store_rollback_edit (store);
      return FALSE;
    }

  return sp_store_commit_edit (store, error);
}

gboolean
sp_worksheet_check_text (const char  *text,
                         const char  *field,
                         GError     **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;

  g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID,
               _("The text of “%s” is not valid UTF-8"), field);
  return FALSE;
}

static gboolean
check_amount (gint64       amount,
              const char  *field,
              GError     **error)
{
  if (amount >= -MAX_AMOUNT && amount <= MAX_AMOUNT)
    return TRUE;

  g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID,
               _("The amount of “%s” is too large (%lld)"), field, (long long) amount);
  return FALSE;
}

static gboolean
check_bp (gint64       bp,
          const char  *field,
          GError     **error)
{
  g_autofree char *shown = NULL;

  if (bp >= MIN_BP && bp <= MAX_BP)
    return TRUE;

  shown = sp_worksheet_format_bp (bp);
  g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID,
               _("The percentage of “%s” must be between -100%% and 1000%%, not %s"),
               field, shown);
  return FALSE;
}

static int
plan_fiscal_year (SpStore *store,
                  gint64   plan_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    sp_sql_prepare (sp_store_get_db (store), "SELECT fiscal_year FROM plan WHERE id = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

gboolean
sp_worksheet_set_basis_years (SpStore     *store,
                              gint64       plan_id,
                              const int   *years,
                              guint        n_years,
                              GError     **error)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean ok;
  int fiscal_year;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (years != NULL || n_years == 0, FALSE);

  if (!sp_worksheet_begin_edit (store, plan_id, _("Change basis years"), error))
    return FALSE;

  fiscal_year = plan_fiscal_year (store, plan_id);
  for (guint i = 0; i < n_years; i++)
    {
      if (years[i] < 1900 || years[i] >= fiscal_year)
        {
          g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID,
                       _("The basis year %d is not a fiscal year before the plan’s (%d)"),
                       years[i], fiscal_year);
          return sp_worksheet_end_edit (store, FALSE, error);
        }
      g_string_append_printf (text, "%s%d", i ? "," : "", years[i]);
    }
  /* Stored sorted and without repeats. */
  sp_worksheet_parse_years (text->str, sorted);
  g_string_truncate (text, 0);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (text, "%s%d", i ? "," : "", g_array_index (sorted, int, i));

  ok = sp_sql_run (sp_store_get_db (store), NULL, CHANGE_FAILED, NULL, error,
                   "UPDATE plan SET basis_years = ?, basis_amount = NULL WHERE id = ?",
                   "ti", text->str, plan_id);
  return sp_worksheet_end_edit (store, ok, error);
}

gboolean
sp_worksheet_set_typed_basis (SpStore  *store,
                              gint64    plan_id,
                              gint64    amount,
                              GError  **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (amount < -1)
    {
      g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID,
                   _("The basis amount cannot be negative (%lld)"), (long long) amount);
      return FALSE;
    }
  if (!check_amount (amount, _("Last years’ results"), error))
    return FALSE;

  if (!sp_worksheet_begin_edit (store, plan_id, _("Change basis"), error))
    return FALSE;

  /* The chosen years stay stored, so that going back to history restores them. */
  if (amount < 0)
    ok = sp_sql_run (sp_store_get_db (store), NULL, CHANGE_FAILED, NULL, error,
                   "UPDATE plan SET basis_amount = NULL WHERE id = ?", "i", plan_id);
  else
    ok = sp_sql_run (sp_store_get_db (store), NULL, CHANGE_FAILED, NULL, error,
                   "UPDATE plan SET basis_amount = ? WHERE id = ?", "ii",
                   amount, plan_id);

  return sp_worksheet_end_edit (store, ok, error);
}

gboolean
sp_worksheet_set_growth (SpStore  *store,
                         gint64    plan_id,
                         int       growth_bp,
                         GError  **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (!check_bp (growth_bp, _("Growth"), error))
    return FALSE;
  if (!sp_worksheet_begin_edit (store, plan_id, _("Change growth"), error))
    return FALSE;

  return sp_worksheet_end_edit (store,
                                sp_sql_run (sp_store_get_db (store), NULL, CHANGE_FAILED, NULL,
                                            error, "UPDATE plan SET growth_bp = ? WHERE id = ?",
                                            "di", growth_bp, plan_id),
                                error);
}

gboolean
sp_worksheet_set_adjustment (SpStore                    *store,
                             gint64                      plan_id,
                             SpWorksheetBasis            basis,
                             SpWorksheetAdjustmentKind   kind,
                             gint64                      value,
                             const char                 *note,
                             GError                    **error)
{
  const char *name;
  gboolean ok;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) basis < SP_WORKSHEET_N_BASES, FALSE);
  g_return_val_if_fail ((guint) kind <= SP_WORKSHEET_ADJUSTMENT_AMOUNT, FALSE);

  name = sp_worksheet_basis_get_display_name (basis);
  if ((kind == SP_WORKSHEET_ADJUSTMENT_PERCENT && !check_bp (value, name, error))
      || (kind == SP_WORKSHEET_ADJUSTMENT_AMOUNT && !check_amount (value, name, error))
      || !sp_worksheet_check_text (note, name, error))
    return FALSE;

  if (!sp_worksheet_begin_edit (store, plan_id, _("Change adjustment"), error))
    return FALSE;

  if (kind == SP_WORKSHEET_ADJUSTMENT_NONE)
    ok = sp_sql_run (sp_store_get_db (store), NULL, CHANGE_FAILED, NULL, error,
                   "DELETE FROM plan_adjustment WHERE plan_id = ? AND basis = ?",
                   "it", plan_id, sp_worksheet_basis_names[basis]);
  else
    ok = sp_sql_run (sp_store_get_db (store), NULL, CHANGE_FAILED, NULL, error,
                   "INSERT INTO plan_adjustment (plan_id, basis, kind, value, note)"
                   " VALUES (?1, ?2, ?3, ?4, ?5)"
                   " ON CONFLICT (plan_id, basis) DO UPDATE"
                   "   SET kind = excluded.kind, value = excluded.value, note = excluded.note",
                   "ittit", plan_id, sp_worksheet_basis_names[basis],
                   sp_worksheet_kind_names[kind], value, note ? note : "");

  return sp_worksheet_end_edit (store, ok, error);
}

gboolean
sp_worksheet_set_swot (SpStore          *store,
                       gint64            plan_id,
                       SpWorksheetSwot   quadrant,
                       const char       *text,
                       GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) quadrant < SP_WORKSHEET_N_SWOT, FALSE);

  if (!sp_worksheet_check_text (text, sp_worksheet_swot_get_display_name (quadrant), error))
    return FALSE;
  if (!sp_worksheet_begin_edit (store, plan_id, _("Edit SWOT analysis"), error))
    return FALSE;

  /* An empty quadrant has no row. */
  if (text == NULL || *text == '\0')
    ok = sp_sql_run (sp_store_get_db (store), NULL, CHANGE_FAILED, NULL, error,
                   "DELETE FROM plan_swot WHERE plan_id = ? AND quadrant = ?",
                   "it", plan_id, sp_worksheet_swot_names[quadrant]);
  else
    ok = sp_sql_run (sp_store_get_db (store), NULL, CHANGE_FAILED, NULL, error,
                   "INSERT INTO plan_swot (plan_id, quadrant, text) VALUES (?1, ?2, ?3)"
                   " ON CONFLICT (plan_id, quadrant) DO UPDATE SET text = excluded.text",
                   "itt", plan_id, sp_worksheet_swot_names[quadrant], text);

  return sp_worksheet_end_edit (store, ok, error);
}

/* The new target with sprint and challenge at their old ratios to the old target (+25% and
 * +40% when it was 0), half away from zero. */
void
sp_worksheet_tiers_for (gint64  old_target,
                        gint64  old_sprint,
                        gint64  old_challenge,
                        gint64  target,
                        gint64 *sprint,
                        gint64 *challenge)
{
  if (old_target > 0)
    {
      *sprint = sp_money_scale (target, MAX (old_sprint, old_target), old_target);
      *challenge = sp_money_scale (target, MAX (old_challenge, MAX (old_sprint, old_target)),
                                   old_target);
    }
  else
    {
      *sprint = sp_money_apply_percent (target, 12500);
      *challenge = sp_money_apply_percent (target, 14000);
    }
}

static gboolean
adopt (SpStore  *store,
       gint64    plan_id,
       gboolean  committed,
       GError  **error)
{
  g_autoptr(SpWorksheet) sheet = sp_worksheet_load (store, plan_id, error);
  gint64 target, sprint, challenge;

  if (sheet == NULL)
    return FALSE;

  target = committed ? sheet->committed : sheet->proposed;
  if (!check_amount (target, committed ? _("Committed") : _("Proposed target"), error))
    return FALSE;
  sp_worksheet_tiers_for (sheet->target, sheet->sprint, sheet->challenge, target,
                          &sprint, &challenge);

  return sp_plan_set_targets (store, plan_id, target, sprint, challenge, error);
}

gboolean
sp_worksheet_adopt_proposed (SpStore  *store,
                             gint64    plan_id,
                             GError  **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  return adopt (store, plan_id, FALSE, error);
}

gboolean
sp_worksheet_adopt_committed (SpStore  *store,
                              gint64    plan_id,
                              GError  **error)
{
  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  return adopt (store, plan_id, TRUE, error);
}

gboolean
sp_worksheet_set_commitment (SpStore  *store,
                             gint64    plan_id,
                             gint64    rep_id,
                             gint64    amount,
                             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  gboolean active;
  gboolean ok;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);

  if (!sp_worksheet_begin_edit (store, plan_id, _("Change commitment"), error))
    return FALSE;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT name, left_on IS NULL FROM rep WHERE id = ?", error);
  if (stmt == NULL)
    return sp_worksheet_end_edit (store, FALSE, error);
  sqlite3_bind_int64 (stmt, 1, rep_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_NOT_FOUND,
                   _("There is no rep with id %lld"), (long long) rep_id);
      return sp_worksheet_end_edit (store, FALSE, error);
    }
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  active = sqlite3_column_int (stmt, 1) != 0;

  /* -1 removes the commitment; any other negative is a mistake. */
  if (amount < -1)
    {
      g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID,
                   _("The commitment of %s cannot be negative (%lld)"), name, (long long) amount);
      return sp_worksheet_end_edit (store, FALSE, error);
    }
  if (amount >= 0 && !active)
    {
      g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_INVALID,
                   _("%s has left the team and cannot commit"), name);
      return sp_worksheet_end_edit (store, FALSE, error);
    }
  if (!check_amount (amount, name, error))
    return sp_worksheet_end_edit (store, FALSE, error);

  if (amount < 0)
    ok = sp_sql_run (sp_store_get_db (store), NULL, CHANGE_FAILED, NULL, error,
                   "DELETE FROM plan_commitment WHERE plan_id = ? AND rep_id = ?",
                   "ii", plan_id, rep_id);
  else
    ok = sp_sql_run (sp_store_get_db (store), NULL, CHANGE_FAILED, NULL, error,
                   "INSERT INTO plan_commitment (plan_id, rep_id, amount) VALUES (?1, ?2, ?3)"
                   " ON CONFLICT (plan_id, rep_id) DO UPDATE SET amount = excluded.amount",
                   "iii", plan_id, rep_id, amount);

  return sp_worksheet_end_edit (store, ok, error);
}
