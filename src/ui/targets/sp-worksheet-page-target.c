/* sp-worksheet-page-target.c — the worksheet's proposed target as a sum, the three tiers, and
 * the bottom-up commitments (汇总法) by region with their gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worksheet-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-display.h"
#include "sp-worksheet-page-private.h"

static const char * const tier_names[3] = {
  N_("Base Target"),
  N_("Sprint Target"),
  N_("Challenge Target"),
};

/* The proposal: one line per term of the sum */

static void
calc_line (SpWorksheetPage *self,
           int              row,
           const char      *name,
           const char      *detail,
           const char      *amount)
{
  GtkWidget *label = _sp_worksheet_page_label (name, 0.0f, NULL);
  GtkWidget *detail_label = _sp_worksheet_page_label (detail, 0.0f, "dim-label");
  GtkWidget *amount_label = _sp_worksheet_page_label (amount, 1.0f, "numeric");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (detail_label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (amount_label), TRUE);
  gtk_grid_attach (self->calc_grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->calc_grid, detail_label, 1, row, 1, 1);
  gtk_grid_attach (self->calc_grid, amount_label, 2, row, 1, 1);
}

static char *
basis_detail (SpWorksheetPage *self)
{
  const GArray *years = sp_worksheet_get_basis_years (self->worksheet);
  g_autoptr(GString) text = g_string_new (NULL);

  if (sp_worksheet_has_typed_basis (self->worksheet))
    return g_strdup (_("typed"));
  if (years->len == 0)
    return g_strdup (_("no years chosen"));

  for (guint i = 0; i < years->len; i++)
    {
      g_autofree char *year = sp_display_fiscal_year (g_array_index (years, int, i));

      if (i > 0)
        /* Translators: separates the years of a list, "FY2024, FY2025" */
        g_string_append (text, _(", "));
      g_string_append (text, year);
    }
  if (years->len == 1)
    return g_string_free (g_steal_pointer (&text), FALSE);
  /* Translators: %s is a list of years, "FY2024, FY2025" */
  return g_strdup_printf (_("average of %s"), text->str);
}

static void
load_proposal (SpWorksheetPage *self)
{
  SpWorksheet *ws = self->worksheet;
  gint64 proposed = sp_worksheet_get_proposed (ws);
  gint64 target = sp_worksheet_get_target (ws);
  g_autofree char *basis = _sp_worksheet_page_money (self, sp_worksheet_get_basis (ws));
  g_autofree char *basis_text = basis_detail (self);
  g_autofree char *growth_bp = _sp_worksheet_page_percent (sp_worksheet_get_growth_bp (ws));
  g_autofree char *growth_detail = NULL;
  g_autofree char *growth = _sp_worksheet_page_signed (self, sp_worksheet_get_growth_effect (ws));
  g_autofree char *proposed_text = _sp_worksheet_page_money (self, proposed);
  g_autofree char *target_text = _sp_worksheet_page_money (self, target);
  g_autofree char *note = NULL;
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->calc_grid))) != NULL)
    gtk_grid_remove (self->calc_grid, child);

  calc_line (self, row++, _("Basis"), basis_text, basis);
  /* Translators: the growth rate in the calculation, e.g. "8.5% of the basis" */
  growth_detail = g_strdup_printf (_("%s%% of the basis"), growth_bp);
  calc_line (self, row++, _("Growth"), growth_detail, growth);

  for (int b = 0; b < SP_WORKSHEET_N_BASES; b++)
    {
      const SpWorksheetAdjustment *adj = sp_worksheet_get_adjustment (ws, b);
      g_autofree char *effect = NULL;
      g_autofree char *detail = NULL;

      if (adj->kind == SP_WORKSHEET_ADJUSTMENT_NONE)
        continue;
      effect = _sp_worksheet_page_signed (self, adj->effect);
      if (adj->kind == SP_WORKSHEET_ADJUSTMENT_PERCENT)
        {
          g_autofree char *percent = _sp_worksheet_page_percent (adj->value);

          detail = adj->note[0]
            /* Translators: a line of the calculation: "2% of the basis · market grows" */
            ? g_strdup_printf (_("%s%% of the basis · %s"), percent, adj->note)
            : g_strdup_printf (_("%s%% of the basis"), percent);
        }
      else
        detail = g_strdup (adj->note);
      calc_line (self, row++, _sp_worksheet_page_basis_name (b), detail, effect);
    }

  gtk_label_set_label (self->proposed_label, proposed_text);
  if (proposed == target)
    note = g_strdup (_("The plan’s target is this proposal."));
  else
    {
      g_autofree char *difference = _sp_worksheet_page_signed (self, proposed - target);

      /* Translators: "The plan’s target is ¥41,630,000.00; the proposal is +¥1,200,000.00 on it." */
      note = g_strdup_printf (_("The plan’s target is %s; the proposal is %s on it."),
                              target_text, difference);
    }
  gtk_label_set_label (self->proposed_note, note);
  gtk_widget_set_sensitive (self->adopt_proposed_button, proposed != target);
}

/* The tiers */

static gboolean
save_tier (Field       *f,
           const char  *text,
           GError     **error)
{
  SpWorksheetPage *self = f->page;
  gint64 tiers[3] = {
    sp_worksheet_get_target (self->worksheet),
    sp_worksheet_get_sprint (self->worksheet),
    sp_worksheet_get_challenge (self->worksheet),
  };

  if (!_sp_worksheet_page_parse_money (self, text, &tiers[f->index], error))
    return FALSE;
  return sp_plan_set_targets (_sp_worksheet_page_store (self), self->plan_id, tiers[0], tiers[1],
                              tiers[2], error);
}

static void
create_tiers (SpWorksheetPage *self)
{
  for (int t = 0; t < 3; t++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *caption = _sp_worksheet_page_label (_(tier_names[t]), 0.0f, "sp-tile-caption");
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *note = _sp_worksheet_page_label (NULL, 0.0f, "sp-tile-note");

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "sp-tile");
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
      gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0f);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
      gtk_widget_add_css_class (entry, "numeric");
      gtk_widget_add_css_class (entry, "title-4");
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);

      self->tiers[t] = _sp_worksheet_page_field_new (self, entry, save_tier);
      self->tiers[t]->index = t;
      self->tier_notes[t] = GTK_LABEL (note);

      gtk_box_append (GTK_BOX (box), caption);
      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), note);
      gtk_grid_attach (self->tiers_grid, box, t, 0, 1, 1);
    }
}

static void
load_tiers (SpWorksheetPage *self)
{
  gint64 tiers[3] = {
    sp_worksheet_get_target (self->worksheet),
    sp_worksheet_get_sprint (self->worksheet),
    sp_worksheet_get_challenge (self->worksheet),
  };

  for (int t = 0; t < 3; t++)
    {
      g_autofree char *text = _sp_worksheet_page_entry_money (self, tiers[t]);
      g_autofree char *change = sp_display_change (tiers[t], tiers[0]);
      g_autofree char *note = NULL;

      if (t == 0)
        note = g_strdup (_("The plan’s target"));
      else if (change != NULL)
        /* Translators: under the sprint and challenge targets, e.g. "+25.0% over base" */
        note = g_strdup_printf (_("%s over base"), change);
      else
        note = g_strdup ("—");
      _sp_worksheet_page_field_load (self->tiers[t], text);
      gtk_label_set_label (self->tier_notes[t], note);
    }
}

/* The commitments */

static gboolean
save_commitment (Field       *f,
                 const char  *text,
                 GError     **error)
{
  SpWorksheetPage *self = f->page;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 amount = -1;

  if (trimmed[0] != '\0' && !_sp_worksheet_page_parse_money (self, trimmed, &amount, error))
    return FALSE;
  return sp_worksheet_set_commitment (_sp_worksheet_page_store (self), self->plan_id, f->id,
                                      amount, error);
}

static char *
commit_shape (SpWorksheet *ws)
{
  GString *shape = g_string_new (NULL);

  for (guint i = 0; i < sp_worksheet_get_n_region_sums (ws); i++)
    {
      const SpWorksheetRegionSum *sum = sp_worksheet_get_region_sum (ws, i);

      g_string_append_printf (shape, "r%lld:%s;", (long long) sum->region_id, sum->region_name);
    }
  for (guint i = 0; i < sp_worksheet_get_n_commitments (ws); i++)
    {
      const SpWorksheetCommitment *c = sp_worksheet_get_commitment (ws, i);

      g_string_append_printf (shape, "p%lld:%lld:%s;", (long long) c->rep_id,
                              (long long) c->region_id, c->rep_name);
    }
  return g_string_free (shape, FALSE);
}

static void
expanded_cb (AdwExpanderRow  *row,
             GParamSpec      *pspec,
             SpWorksheetPage *self)
{
  gint64 region_id = -1;

  for (guint i = 0; i < self->region_rows->len; i++)
    if (g_array_index (self->region_rows, RegionRow, i).row == row)
      region_id = g_array_index (self->region_rows, RegionRow, i).region_id;
  if (region_id < 0)
    return;
  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (&region_id, sizeof region_id));
  else
    g_hash_table_remove (self->expanded, &region_id);
}

static void
build_commitments (SpWorksheetPage *self)
{
  SpWorksheet *ws = self->worksheet;
  g_autofree char *shape = commit_shape (ws);
  GtkWidget *child;

  if (g_strcmp0 (shape, self->commit_shape) == 0)
    return;
  g_free (self->commit_shape);
  self->commit_shape = g_steal_pointer (&shape);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->commit_list))) != NULL)
    gtk_list_box_remove (self->commit_list, child);
  g_array_set_size (self->region_rows, 0);
  g_ptr_array_set_size (self->commit_fields, sp_worksheet_get_n_commitments (ws));

  for (guint i = 0; i < sp_worksheet_get_n_region_sums (ws); i++)
    {
      const SpWorksheetRegionSum *sum = sp_worksheet_get_region_sum (ws, i);
      RegionRow region = { sum->region_id, NULL, NULL, NULL };
      GtkWidget *gap = _sp_worksheet_page_label (NULL, 1.0f, "numeric");

      region.row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (region.row),
                                     sum->region_id ? sum->region_name : _("No Region"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (region.row), FALSE);
      gtk_widget_set_valign (gap, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (gap, "heading");
      adw_expander_row_add_action (region.row, gap);
      region.gap = GTK_LABEL (gap);
      adw_expander_row_set_expanded (region.row,
                                     g_hash_table_contains (self->expanded, &sum->region_id));
      g_signal_connect_object (region.row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);

      for (guint j = 0; j < sp_worksheet_get_n_commitments (ws); j++)
        {
          const SpWorksheetCommitment *c = sp_worksheet_get_commitment (ws, j);
          GtkWidget *row, *entry;
          g_autofree char *label = NULL;
          Field *f;

          if (c->region_id != sum->region_id)
            continue;
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->rep_name);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          entry = gtk_entry_new ();
          gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
          gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0f);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("No commitment"));
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
          gtk_widget_add_css_class (entry, "numeric");
          /* Translators: accessible name of a rep's commitment entry, "Commitment of Li Wei" */
          label = g_strdup_printf (_("Commitment of %s"), c->rep_name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
          f = _sp_worksheet_page_field_new (self, entry, save_commitment);
          f->id = c->rep_id;
          f->index = j;
          g_ptr_array_index (self->commit_fields, j) = f;
          adw_expander_row_add_row (region.row, row);
        }

      gtk_list_box_append (self->commit_list, GTK_WIDGET (region.row));
      g_array_append_val (self->region_rows, region);
    }

  if (sp_worksheet_get_n_region_sums (ws) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No Sales Reps Yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add reps to collect their commitments."));
      gtk_list_box_append (self->commit_list, row);
    }
}

/* "-¥120,000.00 short" / "+¥50,000.00 over" / "on target": the sign, the words and the
 * colour say the same. */
static char *
gap_short_text (SpWorksheetPage *self,
                gint64           gap)
{
  g_autofree char *amount = _sp_worksheet_page_signed (self, -gap);

  if (gap > 0)
    /* Translators: a region's commitments below its target, "-¥120,000.00 short" */
    return g_strdup_printf (_("%s short"), amount);
  if (gap < 0)
    /* Translators: a region's commitments above its target, "+¥50,000.00 over" */
    return g_strdup_printf (_("%s over"), amount);
  return g_strdup (_("On target"));
}

static void
load_commitments (SpWorksheetPage *self)
{
  SpWorksheet *ws = self->worksheet;
  gint64 gap = sp_worksheet_get_gap (ws);
  guint n = sp_worksheet_get_n_commitments (ws), n_committed = 0;
  g_autofree char *committed = _sp_worksheet_page_money (self, sp_worksheet_get_committed (ws));
  g_autofree char *target = _sp_worksheet_page_money (self, sp_worksheet_get_target (ws));
  g_autofree char *amount = _sp_worksheet_page_money (self, ABS (gap));
  g_autofree char *words = NULL;

  build_commitments (self);

  for (guint i = 0; i < n; i++)
    {
      const SpWorksheetCommitment *c = sp_worksheet_get_commitment (ws, i);
      g_autofree char *text = c->has_commitment ? _sp_worksheet_page_entry_money (self, c->amount)
                                                : g_strdup ("");

      n_committed += c->has_commitment;
      _sp_worksheet_page_field_load (g_ptr_array_index (self->commit_fields, i), text);
    }

  for (guint i = 0; i < self->region_rows->len; i++)
    {
      RegionRow *region = &g_array_index (self->region_rows, RegionRow, i);
      const SpWorksheetRegionSum *sum = sp_worksheet_get_region_sum (ws, i);
      g_autofree char *region_committed = _sp_worksheet_page_money (self, sum->committed);
      g_autofree char *region_target = _sp_worksheet_page_money (self, sum->top_down);
      g_autofree char *subtitle = NULL;
      g_autofree char *gap_text = gap_short_text (self, sum->gap);

      /* Translators: under a region's name: "Committed ¥1,200,000.00 of ¥1,500,000.00 · 3 of 4 reps" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Committed %s of %s · %u of %u rep",
                                                "Committed %s of %s · %u of %u reps", sum->n_reps), region_committed,
                                  region_target, sum->n_committed, sum->n_reps);
      adw_expander_row_set_subtitle (region->row, subtitle);
      gtk_label_set_label (region->gap, gap_text);
      gtk_widget_remove_css_class (GTK_WIDGET (region->gap), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (region->gap), "success");
      gtk_widget_add_css_class (GTK_WIDGET (region->gap), sum->gap > 0 ? "error" : "success");
    }

  gtk_label_set_label (self->total_committed, committed);
  gtk_label_set_label (self->total_target, target);
  _sp_worksheet_page_show_gap (self, self->total_gap, gap);

  if (n_committed == 0)
    words = g_strdup (_("No rep has committed a number yet."));
  else if (gap > 0)
    /* Translators: %s is an amount; "%u of %u" counts the reps that committed */
    words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Below the target: the commitments fall %s short (%u of %u rep committed).",
                                          "Below the target: the commitments fall %s short (%u of %u reps committed).",
                                          n),
                             amount, n_committed, n);
  else if (gap < 0)
    words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Above the target: the commitments exceed it by %s (%u of %u rep committed).",
                                          "Above the target: the commitments exceed it by %s (%u of %u reps committed).",
                                          n),
                             amount, n_committed, n);
  else
    words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The commitments match the target (%u of %u rep committed).",
                                          "The commitments match the target (%u of %u reps committed).",
                                          n),
                             n_committed, n);
  gtk_label_set_label (self->gap_words, words);
  gtk_widget_set_sensitive (self->adopt_committed_button,
                            n_committed > 0 && gap != 0);
}

void
_sp_worksheet_page_target_load (SpWorksheetPage *self)
{
  load_proposal (self);
  load_tiers (self);
  load_commitments (self);
}

static GtkLabel *
create_total (SpWorksheetPage *self,
              int              row,
              const char      *caption)
{
  GtkWidget *label = _sp_worksheet_page_label (caption, 0.0f, row == 2 ? "title-3" : NULL);
  GtkWidget *value = _sp_worksheet_page_label (NULL, 1.0f, row == 2 ? "title-2" : "title-4");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_grid_attach (self->totals_grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->totals_grid, value, 1, row, 1, 1);
  return GTK_LABEL (value);
}

void
_sp_worksheet_page_target_init (SpWorksheetPage *self)
{
  self->region_rows = g_array_new (FALSE, TRUE, sizeof (RegionRow));
  self->commit_fields = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  create_tiers (self);
  self->total_committed = create_total (self, 0, _("Team’s Commitments"));
  self->total_target = create_total (self, 1, _("Target"));
  /* Translators: the bottom-up gap (差距), shown as commitments minus target */
  self->total_gap = create_total (self, 2, _("Gap"));
}

void
_sp_worksheet_page_target_dispose (SpWorksheetPage *self)
{
  g_clear_pointer (&self->region_rows, g_array_unref);
  g_clear_pointer (&self->commit_fields, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->commit_shape, g_free);
}
