/* sp-cli-worksheet.c — the worksheet command: a plan's target-setting worksheet (销售目标制定)
 * as text or JSON, and its edits (basis, growth, the other bases, commitments, adopting)
 *
 * Several edits in one run are applied in the order of the help, each its own undo step; if
 * one is refused, the ones before it are undone so that the workspace is as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-cli-private.h"

/* --adjust BASIS=VALUE, --commit REP=AMOUNT: the parts either side of the first '='. */
static gboolean
split_pair (const char  *option,
            const char  *text,
            const char  *example,
            char       **key,
            char       **value,
            GError     **error)
{
  const char *eq = strchr (text, '=');

  if (eq == NULL || eq == text)
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("Invalid value “%s” for %s: expected %s"), text, option, example);
      return FALSE;
    }
  *key = g_strstrip (g_strndup (text, eq - text));
  *value = g_strstrip (g_strdup (eq + 1));
  return TRUE;
}

typedef enum
{
  EDIT_BASIS_YEARS,
  EDIT_BASIS,
  EDIT_GROWTH,
  EDIT_ADJUST,
  EDIT_COMMIT,
  EDIT_ADOPT,
} EditKind;

typedef struct
{
  EditKind                   kind;
  gint64                     id;      /* rep */
  gint64                     value;   /* amount or basis points */
  SpWorksheetBasis           basis;
  SpWorksheetAdjustmentKind  adjustment;
  gboolean                   committed;
  GArray                    *years;
} Edit;

static void
edit_clear (gpointer data)
{
  Edit *edit = data;

  g_clear_pointer (&edit->years, g_array_unref);
}

static gboolean
apply (SpStore     *store,
       gint64       plan_id,
       const Edit  *edit,
       const char  *note,
       GError     **error)
{
  switch (edit->kind)
    {
    case EDIT_BASIS_YEARS:
      return sp_worksheet_set_basis_years (store, plan_id, (const int *) edit->years->data,
                                           edit->years->len, error);
    case EDIT_BASIS:
      return sp_worksheet_set_typed_basis (store, plan_id, edit->value, error);
    case EDIT_GROWTH:
      return sp_worksheet_set_growth (store, plan_id, (int) edit->value, error);
    case EDIT_ADJUST:
      return sp_worksheet_set_adjustment (store, plan_id, edit->basis, edit->adjustment,
                                          edit->value, note, error);
    case EDIT_COMMIT:
      return sp_worksheet_set_commitment (store, plan_id, edit->id, edit->value, error);
    case EDIT_ADOPT:
    default:
      return edit->committed ? sp_worksheet_adopt_committed (store, plan_id, error)
                             : sp_worksheet_adopt_proposed (store, plan_id, error);
    }
}

/* Reads the options' values into edits, before anything is written. */
static gboolean
parse_edits (SpStore      *store,
             const char   *years_text,
             const char   *basis_text,
             const char   *growth_text,
             char        **adjust,
             const char   *note,
             char        **commit,
             const char   *adopt_text,
             GArray       *edits,
             GError      **error)
{
  const SpCurrency *currency = sp_cli_get_currency (store);

  if (note != NULL && (adjust == NULL || adjust[0] == NULL))
    {
      g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("--note needs --adjust"));
      return FALSE;
    }
  if (years_text != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (years_text, ",", -1);
      Edit edit = { EDIT_BASIS_YEARS, };

      edit.years = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (edits, edit);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          int year;

          g_strstrip (parts[i]);
          if (*parts[i] == '\0' && parts[1] == NULL)
            break;   /* "" chooses no year */
          if (!sp_cli_parse_year ("--basis-years", parts[i], &year, error))
            return FALSE;
          g_array_append_val (edit.years, year);
        }
    }
  if (basis_text != NULL)
    {
      Edit edit = { EDIT_BASIS, .value = -1 };

      if (g_ascii_strcasecmp (basis_text, "history") != 0
          && !sp_money_parse (basis_text, currency, &edit.value, error))
        return FALSE;
      if (edit.value < -1 || (edit.value == -1 && g_ascii_strcasecmp (basis_text, "history") != 0))
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                       _("Invalid amount “%s” for --basis: the basis cannot be negative"),
                       basis_text);
          return FALSE;
        }
      g_array_append_val (edits, edit);
    }
  if (growth_text != NULL)
    {
      Edit edit = { EDIT_GROWTH, };

      if (!sp_cli_parse_percent ("--growth", growth_text, &edit.value, error))
        return FALSE;
      g_array_append_val (edits, edit);
    }
  for (guint i = 0; adjust != NULL && adjust[i] != NULL; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      Edit edit = { EDIT_ADJUST, };

      if (!split_pair ("--adjust", adjust[i], "industry=+3%", &key, &value, error))
        return FALSE;
      if (!sp_worksheet_basis_from_string (key, &edit.basis))
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                       _("Unknown basis “%s”: use “industry”, “headcount”, “channels” or "
                         "“products”"), key);
          return FALSE;
        }
      if (g_ascii_strcasecmp (value, "none") == 0)
        edit.adjustment = SP_WORKSHEET_ADJUSTMENT_NONE;
      else if (g_str_has_suffix (value, "%"))
        {
          edit.adjustment = SP_WORKSHEET_ADJUSTMENT_PERCENT;
          if (!sp_cli_parse_percent ("--adjust", value, &edit.value, error))
            return FALSE;
        }
      else
        {
          edit.adjustment = SP_WORKSHEET_ADJUSTMENT_AMOUNT;
          if (!sp_money_parse (value, currency, &edit.value, error))
            return FALSE;
        }
      g_array_append_val (edits, edit);
    }
  for (guint i = 0; commit != NULL && commit[i] != NULL; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      Edit edit = { EDIT_COMMIT, .value = -1 };

      if (!split_pair ("--commit", commit[i], "\"Zhang San=1,200,000\"", &key, &value, error)
          || (edit.id = sp_cli_find_rep (store, key, 0, error)) == 0)
        return FALSE;
      if (g_ascii_strcasecmp (value, "none") != 0
          && !sp_money_parse (value, currency, &edit.value, error))
        return FALSE;
      if (edit.value < 0 && g_ascii_strcasecmp (value, "none") != 0)
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                       _("Invalid amount “%s” for --commit: a commitment cannot be negative"),
                       value);
          return FALSE;
        }
      g_array_append_val (edits, edit);
    }
  if (adopt_text != NULL)
    {
      Edit edit = { EDIT_ADOPT, };

      if (g_str_equal (adopt_text, "committed"))
        edit.committed = TRUE;
      else if (!g_str_equal (adopt_text, "proposed"))
        {
          g_set_error (error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                       _("Unknown value “%s” for --adopt: use “proposed” or “committed”"),
                       adopt_text);
          return FALSE;
        }
      g_array_append_val (edits, edit);
    }
  return TRUE;
}

/* ---- text --------------------------------------------------------------------------- */

static char *
signed_money (SpStore *store,
              gint64   amount)
{
  g_autofree char *shown = sp_cli_format_money (store, amount);

  return amount > 0 ? g_strconcat ("+", shown, NULL) : g_steal_pointer (&shown);
}

static char *
signed_bp (gint64 bp)
{
  g_autofree char *shown = sp_worksheet_format_bp (bp);

  return bp > 0 ? g_strconcat ("+", shown, NULL) : g_steal_pointer (&shown);
}

static void
print_text (SpStore     *store,
            SpWorksheet *sheet)
{
  const GArray *years = sp_worksheet_get_basis_years (sheet);
  g_autofree char *basis = sp_cli_format_money (store, sp_worksheet_get_basis (sheet));
  g_autofree char *growth = signed_bp (sp_worksheet_get_growth_bp (sheet));
  g_autofree char *growth_effect = signed_money (store, sp_worksheet_get_growth_effect (sheet));
  g_autofree char *proposed = sp_cli_format_money (store, sp_worksheet_get_proposed (sheet));
  g_autofree char *target = sp_cli_format_money (store, sp_worksheet_get_target (sheet));
  g_autofree char *sprint = sp_cli_format_money (store, sp_worksheet_get_sprint (sheet));
  g_autofree char *challenge = sp_cli_format_money (store, sp_worksheet_get_challenge (sheet));
  g_autofree char *committed = sp_cli_format_money (store, sp_worksheet_get_committed (sheet));
  g_autofree char *gap = sp_cli_format_money (store, sp_worksheet_get_gap (sheet));
  gint64 region_id = -1;

  g_print (_("Target worksheet of fiscal year %d"), sp_worksheet_get_fiscal_year (sheet));
  g_print ("\n\n");

  if (sp_worksheet_has_typed_basis (sheet))
    g_print (_("Last years’ results: %s (typed)"), basis);
  else if (years->len == 0)
    g_print (_("Last years’ results: %s (no basis years chosen)"), basis);
  else
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < years->len; i++)
        g_string_append_printf (list, "%s%d", i ? ", " : "", g_array_index (years, int, i));
      g_print (_("Last years’ results: %s (mean of %s)"), basis, list->str);
    }
  g_print ("\n");
  g_print (_("Growth: %s = %s"), growth, growth_effect);
  g_print ("\n");

  for (guint b = 0; b < SP_WORKSHEET_N_BASES; b++)
    {
      const SpWorksheetAdjustment *line = sp_worksheet_get_adjustment (sheet, b);
      const char *name = sp_worksheet_basis_get_display_name (b);
      g_autofree char *effect = signed_money (store, line->effect);

      if (line->kind == SP_WORKSHEET_ADJUSTMENT_NONE)
        g_print (_("%s: none"), name);
      else if (line->kind == SP_WORKSHEET_ADJUSTMENT_PERCENT)
        {
          g_autofree char *percent = signed_bp (line->value);

          g_print (_("%s: %s = %s"), name, percent, effect);
        }
      else
        g_print (_("%s: %s"), name, effect);
      if (*line->note != '\0')
        g_print (" — %s", line->note);
      g_print ("\n");
    }
  g_print (_("Proposed target: %s"), proposed);
  g_print ("\n");
  g_print (_("Targets: base %s, sprint %s, challenge %s"), target, sprint, challenge);
  g_print ("\n\n");

  g_print ("%s\n", _("SWOT analysis"));
  for (guint q = 0; q < SP_WORKSHEET_N_SWOT; q++)
    {
      const char *text = sp_worksheet_get_swot (sheet, q);

      g_print ("  %s: %s\n", sp_worksheet_swot_get_display_name (q), *text ? text : "—");
    }
  g_print ("\n");

  g_print ("%s\n", _("Commitments (bottom-up)"));
  for (guint r = 0; r < sp_worksheet_get_n_region_sums (sheet); r++)
    {
      const SpWorksheetRegionSum *line = sp_worksheet_get_region_sum (sheet, r);
      g_autofree char *top_down = sp_cli_format_money (store, line->top_down);
      g_autofree char *line_committed = sp_cli_format_money (store, line->committed);
      g_autofree char *line_gap = sp_cli_format_money (store, line->gap);

      g_print ("  ");
      g_print (_("%s: top-down %s, committed %s (%u of %u reps), gap %s"), line->region_name,
               top_down, line_committed, line->n_committed, line->n_reps, line_gap);
      g_print ("\n");
      region_id = line->region_id;
      for (guint i = 0; i < sp_worksheet_get_n_commitments (sheet); i++)
        {
          const SpWorksheetCommitment *c = sp_worksheet_get_commitment (sheet, i);
          g_autofree char *amount = NULL;

          if (c->region_id != region_id)
            continue;
          amount = c->has_commitment ? sp_cli_format_money (store, c->amount) : g_strdup ("—");
          g_print ("    %s: %s\n", c->rep_name, amount);
        }
    }
  g_print (_("Total: committed %s, gap to the target %s"), committed, gap);
  g_print ("\n\n");

  g_print ("%s\n", _("OGSMT"));
  if (sp_worksheet_get_n_ogsmt (sheet) == 0)
    g_print ("  —\n");
  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (sheet); i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (sheet, i);

      g_print ("  %s %d: %s", sp_ogsmt_kind_get_display_name (item->kind), item->position + 1,
               item->text);
      if (item->has_target && item->kind == SP_OGSMT_GOAL)
        {
          g_autofree char *value = sp_cli_format_money (store, item->target_value);

          g_print (" — %s", value);
        }
      else if (item->has_target)
        g_print (" — %lld", (long long) item->target_value);
      if (g_date_valid (&item->deadline))
        {
          g_autofree char *deadline = sp_date_format_iso (&item->deadline);

          g_print (" — ");
          g_print (_("by %s"), deadline);
        }
      g_print ("\n");
    }
}

/* ---- JSON --------------------------------------------------------------------------- */

static void
json_int_array (SpJsonWriter *json,
                const char   *key,
                const GArray *array,
                gboolean      wide)
{
  sp_json_writer_key (json, key);
  sp_json_writer_begin_array (json, SP_JSON_INLINE);
  for (guint i = 0; i < array->len; i++)
    sp_json_writer_int (json, wide ? g_array_index (array, gint64, i)
                                   : (gint64) g_array_index (array, int, i));
  sp_json_writer_end_array (json);
}

static void
json_int (SpJsonWriter *json,
          const char   *key,
          gint64        value)
{
  sp_json_writer_key (json, key);
  sp_json_writer_int (json, value);
}

static void
json_string (SpJsonWriter *json,
             const char   *key,
             const char   *value)
{
  sp_json_writer_key (json, key);
  sp_json_writer_string (json, value);
}

static void
print_json (SpStore     *store,
            SpWorksheet *sheet)
{
  g_autoptr(SpJsonWriter) json = sp_json_writer_new (NULL);
  g_autofree char *text = NULL;
  static const char * const kinds[] = { "none", "percent", "amount" };

  sp_json_writer_begin_object (json, SP_JSON_BLOCK);
  json_int (json, "plan_id", sp_worksheet_get_plan_id (sheet));
  json_int (json, "fiscal_year", sp_worksheet_get_fiscal_year (sheet));
  json_string (json, "currency", sp_cli_get_currency (store)->code);
  json_int_array (json, "history_years", sp_worksheet_get_history_years (sheet), FALSE);
  json_int_array (json, "history_totals", sp_worksheet_get_history_totals (sheet), TRUE);
  json_int_array (json, "basis_years", sp_worksheet_get_basis_years (sheet), FALSE);
  sp_json_writer_key (json, "typed_basis");
  sp_json_writer_boolean (json, sp_worksheet_has_typed_basis (sheet));
  json_int (json, "basis", sp_worksheet_get_basis (sheet));
  json_int (json, "growth_bp", sp_worksheet_get_growth_bp (sheet));
  json_int (json, "growth_effect", sp_worksheet_get_growth_effect (sheet));

  sp_json_writer_key (json, "adjustments");
  sp_json_writer_begin_array (json, SP_JSON_BLOCK);
  for (guint b = 0; b < SP_WORKSHEET_N_BASES; b++)
    {
      const SpWorksheetAdjustment *line = sp_worksheet_get_adjustment (sheet, b);

      sp_json_writer_begin_object (json, SP_JSON_INLINE);
      json_string (json, "basis", sp_worksheet_basis_to_string (b));
      json_string (json, "kind", kinds[line->kind]);
      json_int (json, "value", line->value);
      json_int (json, "effect", line->effect);
      json_string (json, "note", line->note ? line->note : "");
      sp_json_writer_end_object (json);
    }
  sp_json_writer_end_array (json);

  json_int (json, "proposed", sp_worksheet_get_proposed (sheet));
  json_int (json, "target", sp_worksheet_get_target (sheet));
  json_int (json, "sprint", sp_worksheet_get_sprint (sheet));
  json_int (json, "challenge", sp_worksheet_get_challenge (sheet));

  sp_json_writer_key (json, "swot");
  sp_json_writer_begin_object (json, SP_JSON_BLOCK);
  for (guint q = 0; q < SP_WORKSHEET_N_SWOT; q++)
    {
      const char *swot = sp_worksheet_get_swot (sheet, q);

      json_string (json, sp_worksheet_swot_to_string (q), swot ? swot : "");
    }
  sp_json_writer_end_object (json);

  sp_json_writer_key (json, "regions");
  sp_json_writer_begin_array (json, SP_JSON_BLOCK);
  for (guint r = 0; r < sp_worksheet_get_n_region_sums (sheet); r++)
    {
      const SpWorksheetRegionSum *line = sp_worksheet_get_region_sum (sheet, r);

      sp_json_writer_begin_object (json, SP_JSON_INLINE);
      json_int (json, "region_id", line->region_id);
      json_string (json, "name", line->region_name);
      json_int (json, "top_down", line->top_down);
      json_int (json, "committed", line->committed);
      json_int (json, "gap", line->gap);
      json_int (json, "reps", line->n_reps);
      json_int (json, "reps_committed", line->n_committed);
      sp_json_writer_end_object (json);
    }
  sp_json_writer_end_array (json);

  sp_json_writer_key (json, "commitments");
  sp_json_writer_begin_array (json, SP_JSON_BLOCK);
  for (guint i = 0; i < sp_worksheet_get_n_commitments (sheet); i++)
    {
      const SpWorksheetCommitment *c = sp_worksheet_get_commitment (sheet, i);

      sp_json_writer_begin_object (json, SP_JSON_INLINE);
      json_int (json, "rep_id", c->rep_id);
      json_string (json, "name", c->rep_name);
      json_int (json, "region_id", c->region_id);
      sp_json_writer_key (json, "amount");
      if (c->has_commitment)
        sp_json_writer_int (json, c->amount);
      else
        sp_json_writer_null (json);
      sp_json_writer_end_object (json);
    }
  sp_json_writer_end_array (json);

  json_int (json, "committed", sp_worksheet_get_committed (sheet));
  json_int (json, "gap", sp_worksheet_get_gap (sheet));

  sp_json_writer_key (json, "ogsmt");
  sp_json_writer_begin_array (json, SP_JSON_BLOCK);
  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (sheet); i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (sheet, i);

      sp_json_writer_begin_object (json, SP_JSON_INLINE);
      json_int (json, "id", item->id);
      json_string (json, "kind", sp_ogsmt_kind_to_string (item->kind));
      json_int (json, "position", item->position);
      json_string (json, "text", item->text);
      sp_json_writer_key (json, "target_value");
      if (item->has_target)
        sp_json_writer_int (json, item->target_value);
      else
        sp_json_writer_null (json);
      sp_json_writer_key (json, "deadline");
      if (g_date_valid (&item->deadline))
        {
          g_autofree char *deadline = sp_date_format_iso (&item->deadline);

          sp_json_writer_string (json, deadline);
        }
      else
        sp_json_writer_null (json);
      sp_json_writer_end_object (json);
    }
  sp_json_writer_end_array (json);
  sp_json_writer_end_object (json);

  text = sp_json_writer_finish_text (json);
  g_print ("%s", text);
}

static int
current_fiscal_year (SpStore *store)
{
  g_autoptr(SpPreferences) preferences = sp_preferences_new (store);
  g_autoptr(SpCalendar) calendar = sp_preferences_dup_calendar (preferences);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return sp_calendar_fiscal_year_of (calendar, &today);
}

gboolean
sp_cli_run_worksheet (SpCli   *cli,
                      int      argc,
                      char   **argv,
                      GError **error)
{
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) adjust = NULL;
  g_auto(GStrv) commit = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *years_text = NULL;
  g_autofree char *basis_text = NULL;
  g_autofree char *growth_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *adopt_text = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(SpWorksheet) sheet = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, TRUE, sizeof (Edit));
  gboolean help_shown, json = FALSE;
  int year;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text,
      N_("The plan’s fiscal year (default: this fiscal year)"), N_("YEAR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON, amounts in minor units"), NULL },
    { "basis-years", 0, 0, G_OPTION_ARG_STRING, &years_text,
      N_("Base the target on the mean of these fiscal years’ history, e.g. 2024,2025"),
      N_("YEARS") },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis_text,
      N_("Type last years’ results instead (“history”: back to the basis years)"),
      N_("AMOUNT") },
    { "growth", 'g', 0, G_OPTION_ARG_STRING, &growth_text, N_("The growth, e.g. 12.5%"),
      N_("PERCENT") },
    { "adjust", 0, 0, G_OPTION_ARG_STRING_ARRAY, &adjust,
      N_("Adjust for industry, headcount, channels or products: a percentage of the basis "
         "(industry=+3%), an amount (headcount=+500000) or “none” (repeatable)"),
      N_("BASIS=VALUE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("The reason of the --adjust lines"),
      N_("TEXT") },
    { "commit", 0, 0, G_OPTION_ARG_STRING_ARRAY, &commit,
      N_("A rep’s commitment, or “none” to remove it (repeatable)"), N_("REP=AMOUNT") },
    { "adopt", 0, 0, G_OPTION_ARG_STRING, &adopt_text,
      N_("Make the proposed target or the sum of the commitments the plan’s target"),
      N_("proposed|committed") },
    G_OPTION_ENTRY_NULL
  };

  g_array_set_clear_func (edits, edit_clear);
  if (!sp_cli_parse (cli, entries, argc, argv, 0, 0, &args, &help_shown, error))
    return FALSE;
  if (help_shown)
    return TRUE;
  if (year_text != NULL && !sp_cli_parse_year ("--year", year_text, &year, error))
    return FALSE;

  store = sp_cli_open_existing (cli, error);
  if (store == NULL)
    return FALSE;
  if (year_text == NULL)
    year = current_fiscal_year (store);
  plan = sp_cli_require_plan (store, year, error);
  if (plan == NULL)
    return FALSE;

  if (!parse_edits (store, years_text, basis_text, growth_text, adjust, note, commit, adopt_text,
                    edits, error))
    return FALSE;
  for (guint i = 0; i < edits->len; i++)
    if (!apply (store, sp_plan_get_id (plan), &g_array_index (edits, Edit, i), note, error))
      {
        /* All or nothing: undo the edits already made. */
        for (guint j = 0; j < i; j++)
          sp_store_undo (store, NULL);
        return FALSE;
      }

  sheet = sp_worksheet_load (store, sp_plan_get_id (plan), error);
  if (sheet == NULL)
    return FALSE;
  if (json)
    print_json (store, sheet);
  else
    print_text (store, sheet);
  return TRUE;
}
