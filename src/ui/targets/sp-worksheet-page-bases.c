/* sp-worksheet-page-bases.c — the worksheet's bases: last years' results (往年业绩基础) and
 * growth, the industry, headcount, channel and product lines, and the SWOT quadrants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worksheet-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-display.h"
#include "sp-worksheet-page-private.h"

static const char * const basis_names[SP_WORKSHEET_N_BASES] = {
  N_("Industry Growth"),
  N_("Headcount Change"),
  N_("New or Changed Channels"),
  N_("New and Old Products"),
};


/* 1. The basis: history years, a typed amount, growth */

static gboolean
save_typed (Field       *f,
            const char  *text,
            GError     **error)
{
  SpWorksheetPage *self = f->page;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 amount = -1;

  if (trimmed[0] == '\0' && !sp_worksheet_has_typed_basis (self->worksheet))
    return TRUE;
  if (trimmed[0] != '\0' && !_sp_worksheet_page_parse_money (self, trimmed, &amount, error))
    return FALSE;
  return sp_worksheet_set_typed_basis (_sp_worksheet_page_store (self), self->plan_id, amount,
                                       error);
}

static gboolean
save_growth (Field       *f,
             const char  *text,
             GError     **error)
{
  SpWorksheetPage *self = f->page;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 bp = 0;

  if (trimmed[0] != '\0' && !_sp_worksheet_page_parse_percent (trimmed, &bp, error))
    return FALSE;
  /* Out of range: let the model say what the range is. */
  bp = CLAMP (bp, G_MININT, G_MAXINT);
  return sp_worksheet_set_growth (_sp_worksheet_page_store (self), self->plan_id, (int) bp,
                                  error);
}

static void
year_toggled_cb (SpWorksheetPage *self)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) error = NULL;

  if (self->loading || self->worksheet == NULL)
    return;

  for (guint i = 0; i < self->year_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->year_checks, i)))
      g_array_append_val (years, g_array_index (self->years, int, i));

  if (!sp_worksheet_set_basis_years (_sp_worksheet_page_store (self), self->plan_id,
                                     (const int *) (gpointer) years->data, years->len, &error))
    {
      _sp_worksheet_page_toast (self, error->message, FALSE);
      _sp_worksheet_page_load_all (self);
    }
}

static gboolean
same_years (GArray       *shown,
            const GArray *years)
{
  if (shown->len != years->len)
    return FALSE;
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (shown, int, i) != g_array_index (years, int, i))
      return FALSE;
  return TRUE;
}

static void
build_years (SpWorksheetPage *self)
{
  const GArray *years = sp_worksheet_get_history_years (self->worksheet);
  GtkWidget *child;

  if (same_years (self->years, years))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->years_list))) != NULL)
    gtk_list_box_remove (self->years_list, child);
  g_array_set_size (self->years, 0);
  g_ptr_array_set_size (self->year_checks, 0);
  g_ptr_array_set_size (self->year_totals, 0);

  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);
      g_autofree char *title = sp_display_fiscal_year (year);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *total = _sp_worksheet_page_label (NULL, 1.0f, "numeric");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), total);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (year_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->years_list, row);

      g_array_append_val (self->years, year);
      g_ptr_array_add (self->year_checks, check);
      g_ptr_array_add (self->year_totals, total);
    }

  if (years->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No History Yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Import last years’ orders, or type the basis below."));
      gtk_list_box_append (self->years_list, row);
    }
}

static void
load_basis (SpWorksheetPage *self)
{
  SpWorksheet *ws = self->worksheet;
  const GArray *totals = sp_worksheet_get_history_totals (ws);
  const GArray *chosen = sp_worksheet_get_basis_years (ws);
  gboolean typed = sp_worksheet_has_typed_basis (ws);
  g_autofree char *typed_text = typed ? _sp_worksheet_page_entry_money (self,
                                                                        sp_worksheet_get_basis (ws))
                                      : g_strdup ("");
  g_autofree char *growth = _sp_worksheet_page_percent (sp_worksheet_get_growth_bp (ws));
  g_autofree char *effect = _sp_worksheet_page_signed (self, sp_worksheet_get_growth_effect (ws));
  g_autofree char *basis = _sp_worksheet_page_money (self, sp_worksheet_get_basis (ws));

  build_years (self);
  for (guint i = 0; i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);
      GtkCheckButton *check = g_ptr_array_index (self->year_checks, i);
      g_autofree char *total = _sp_worksheet_page_money (self, g_array_index (totals, gint64, i));
      gboolean active = FALSE;

      for (guint j = 0; j < chosen->len; j++)
        active |= g_array_index (chosen, int, j) == year;
      gtk_check_button_set_active (check, active);
      gtk_widget_set_sensitive (GTK_WIDGET (check), !typed);
      gtk_widget_set_tooltip_text (GTK_WIDGET (check),
                                   typed ? _("Clear the typed basis to average the years") : NULL);
      gtk_label_set_label (g_ptr_array_index (self->year_totals, i), total);
    }

  _sp_worksheet_page_field_load (self->typed, typed_text);
  _sp_worksheet_page_field_load (self->growth, growth);
  gtk_label_set_label (self->growth_effect, effect);
  gtk_label_set_label (self->basis_label, basis);
}

/* 2. The other bases: a percent of the basis or an amount, and a note */

static gboolean
save_adjustment (SpWorksheetPage   *self,
                 SpWorksheetBasis   basis,
                 const char        *value_text,
                 const char        *note_text,
                 GError           **error)
{
  g_autofree char *value = g_strstrip (g_strdup (value_text));
  g_autofree char *note = g_strstrip (g_strdup (note_text));
  gboolean percent = gtk_toggle_button_get_active (self->adjust_percent[basis]);
  SpWorksheetAdjustmentKind kind;
  gint64 amount = 0;

  if (value[0] == '\0' && note[0] == '\0')
    kind = SP_WORKSHEET_ADJUSTMENT_NONE;
  else
    {
      kind = percent ? SP_WORKSHEET_ADJUSTMENT_PERCENT : SP_WORKSHEET_ADJUSTMENT_AMOUNT;
      if (value[0] != '\0'
          && !(percent ? _sp_worksheet_page_parse_percent (value, &amount, error)
                       : _sp_worksheet_page_parse_money (self, value, &amount, error)))
        return FALSE;
    }

  return sp_worksheet_set_adjustment (_sp_worksheet_page_store (self), self->plan_id, basis,
                                      kind, amount, note, error);
}

static gboolean
save_adjust_value (Field       *f,
                   const char  *text,
                   GError     **error)
{
  g_autofree char *note = _sp_worksheet_page_field_text (f->page->adjust_note[f->index]);

  return save_adjustment (f->page, f->index, text, note, error);
}

static gboolean
save_adjust_note (Field       *f,
                  const char  *text,
                  GError     **error)
{
  g_autofree char *value = _sp_worksheet_page_field_text (f->page->adjust_value[f->index]);

  return save_adjustment (f->page, f->index, value, text, error);
}

static void
adjust_kind_toggled_cb (GtkToggleButton *button,
                        SpWorksheetPage *self)
{
  int basis = -1;
  g_autofree char *value = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;

  for (int b = 0; b < SP_WORKSHEET_N_BASES; b++)
    if (button == self->adjust_percent[b] || button == self->adjust_amount[b])
      basis = b;
  if (basis < 0 || self->loading || self->worksheet == NULL
      || !gtk_toggle_button_get_active (button))
    return;

  value = _sp_worksheet_page_field_text (self->adjust_value[basis]);
  note = _sp_worksheet_page_field_text (self->adjust_note[basis]);
  if (g_strstrip (value)[0] == '\0')
    return;
  if (!save_adjustment (self, basis, value, note, &error))
    _sp_worksheet_page_toast (self, error->message, FALSE);
}

static void
create_bases (SpWorksheetPage *self)
{
  /* Translators: column headings of the other bases' table; "Basis" here is which basis of
   * the target (industry, headcount…), not the basis amount. */
  const char *headings[] = { NC_("bases column", "Basis"), NC_("bases column", "Unit"),
                             NC_("bases column", "Change"), NC_("bases column", "Note"),
                             NC_("bases column", "Effect") };
  const SpCurrency *currency = _sp_worksheet_page_currency (self);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      GtkWidget *label = _sp_worksheet_page_label (g_dpgettext2 (GETTEXT_PACKAGE, "bases column",
                                                                 headings[i]), i == 4 ? 1.0f : 0.0f,
                                                   "caption-heading");

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->bases_grid, label, i, 0, 1, 1);
    }

  for (int b = 0; b < SP_WORKSHEET_N_BASES; b++)
    {
      GtkWidget *name = _sp_worksheet_page_label (_(basis_names[b]), 0.0f, NULL);
      GtkWidget *units = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *percent = gtk_toggle_button_new_with_label ("%");
      GtkWidget *amount = gtk_toggle_button_new_with_label (currency->symbol);
      GtkWidget *value = gtk_entry_new ();
      GtkWidget *note = gtk_entry_new ();
      GtkWidget *effect = _sp_worksheet_page_label (NULL, 1.0f, "numeric");
      g_autofree char *value_label = NULL;
      g_autofree char *note_label = NULL;

      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 16);
      gtk_label_set_width_chars (GTK_LABEL (name), 8);
      gtk_label_set_mnemonic_widget (GTK_LABEL (name), value);

      gtk_widget_add_css_class (units, "linked");
      gtk_widget_set_valign (units, GTK_ALIGN_CENTER);
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (amount), GTK_TOGGLE_BUTTON (percent));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (percent), TRUE);
      gtk_widget_set_tooltip_text (percent, _("Percent of the basis"));
      gtk_widget_set_tooltip_text (amount, _("An amount of money"));
      gtk_box_append (GTK_BOX (units), percent);
      gtk_box_append (GTK_BOX (units), amount);
      g_signal_connect_object (percent, "toggled", G_CALLBACK (adjust_kind_toggled_cb), self, 0);
      g_signal_connect_object (amount, "toggled", G_CALLBACK (adjust_kind_toggled_cb), self, 0);

      gtk_editable_set_width_chars (GTK_EDITABLE (value), 11);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (value), 12);
      gtk_entry_set_alignment (GTK_ENTRY (value), 1.0f);
      gtk_entry_set_input_purpose (GTK_ENTRY (value), GTK_INPUT_PURPOSE_NUMBER);
      gtk_entry_set_placeholder_text (GTK_ENTRY (value), _("None"));
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
      /* Translators: accessible name of a worksheet entry, e.g. "Industry Growth: change" */
      value_label = g_strdup_printf (_("%s: change"), _(basis_names[b]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      value_label, -1);

      gtk_widget_set_hexpand (note, TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (note), 6);
      gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Why"));
      gtk_widget_set_valign (note, GTK_ALIGN_CENTER);
      /* Translators: accessible name of a worksheet entry, e.g. "Industry Growth: note" */
      note_label = g_strdup_printf (_("%s: note"), _(basis_names[b]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      note_label, -1);


      self->adjust_percent[b] = GTK_TOGGLE_BUTTON (percent);
      self->adjust_amount[b] = GTK_TOGGLE_BUTTON (amount);
      self->adjust_value[b] = _sp_worksheet_page_field_new (self, value, save_adjust_value);
      self->adjust_value[b]->index = b;
      self->adjust_note[b] = _sp_worksheet_page_field_new (self, note, save_adjust_note);
      self->adjust_note[b]->index = b;
      self->adjust_effect[b] = GTK_LABEL (effect);

      gtk_grid_attach (self->bases_grid, name, 0, b + 1, 1, 1);
      gtk_grid_attach (self->bases_grid, units, 1, b + 1, 1, 1);
      gtk_grid_attach (self->bases_grid, value, 2, b + 1, 1, 1);
      gtk_grid_attach (self->bases_grid, note, 3, b + 1, 1, 1);
      gtk_grid_attach (self->bases_grid, effect, 4, b + 1, 1, 1);
    }
}

static void
load_bases (SpWorksheetPage *self)
{
  const SpCurrency *currency = _sp_worksheet_page_currency (self);

  for (int b = 0; b < SP_WORKSHEET_N_BASES; b++)
    {
      const SpWorksheetAdjustment *adj = sp_worksheet_get_adjustment (self->worksheet, b);
      g_autofree char *value = NULL;
      g_autofree char *effect = NULL;
      gboolean percent = adj->kind != SP_WORKSHEET_ADJUSTMENT_AMOUNT;

      if (adj->kind == SP_WORKSHEET_ADJUSTMENT_NONE)
        {
          value = g_strdup ("");
          effect = g_strdup ("—");
        }
      else
        {
          value = percent ? _sp_worksheet_page_percent (adj->value)
                          : _sp_worksheet_page_entry_money (self, adj->value);
          effect = _sp_worksheet_page_signed (self, adj->effect);
        }

      gtk_button_set_label (GTK_BUTTON (self->adjust_amount[b]), currency->symbol);
      /* A line being typed keeps the unit the user picked for it. */
      if (!_sp_worksheet_page_field_has_focus (self->adjust_value[b]) && self->adjust_value[b]->message == NULL)
        gtk_toggle_button_set_active (percent ? self->adjust_percent[b] : self->adjust_amount[b],
                                      TRUE);
      _sp_worksheet_page_field_load (self->adjust_value[b], value);
      _sp_worksheet_page_field_load (self->adjust_note[b], adj->note);
      gtk_label_set_label (self->adjust_effect[b], effect);
    }
}

/* 3. SWOT */

static gboolean
save_swot (Field       *f,
           const char  *text,
           GError     **error)
{
  return sp_worksheet_set_swot (_sp_worksheet_page_store (f->page), f->page->plan_id, f->index,
                                text, error);
}

static void
create_swot (SpWorksheetPage *self)
{
  for (int q = 0; q < SP_WORKSHEET_N_SWOT; q++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = _sp_worksheet_page_label (sp_worksheet_swot_get_display_name (q), 0.0f, "heading");
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();

      gtk_label_set_use_underline (GTK_LABEL (label), FALSE);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
      gtk_widget_set_size_request (view, -1, 96);
      gtk_widget_add_css_class (view, "sp-note");
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

      self->swot[q] = _sp_worksheet_page_field_new (self, view, save_swot);
      self->swot[q]->index = q;

      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), frame);
      gtk_grid_attach (self->swot_grid, box, q % 2, q / 2, 1, 1);
    }
}

static void
load_swot (SpWorksheetPage *self)
{
  for (int q = 0; q < SP_WORKSHEET_N_SWOT; q++)
    _sp_worksheet_page_field_load (self->swot[q], sp_worksheet_get_swot (self->worksheet, q));
}

/* Entry points for sp-worksheet-page.c */

const char *
_sp_worksheet_page_basis_name (SpWorksheetBasis basis)
{
  return _(basis_names[basis]);
}

void
_sp_worksheet_page_bases_init (SpWorksheetPage *self)
{
  self->typed = _sp_worksheet_page_field_new (self, GTK_WIDGET (self->typed_entry), save_typed);
  self->growth = _sp_worksheet_page_field_new (self, GTK_WIDGET (self->growth_entry),
                                               save_growth);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->growth_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Growth in percent"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->typed_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Typed basis"), -1);
}

/* Needs the currency, so waits for the page's workspace. */
void
_sp_worksheet_page_bases_create (SpWorksheetPage *self)
{
  create_bases (self);
  create_swot (self);
}

void
_sp_worksheet_page_bases_load (SpWorksheetPage *self)
{
  load_basis (self);
  load_bases (self);
  load_swot (self);
}
