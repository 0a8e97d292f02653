/* sp-worksheet-page-private.h — what the worksheet page's files share: the page, its fields
 * (an entry or text view saved through the model when left) and the parts' builders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-model.h"
#include "sp-worksheet.h"

#include "sp-worksheet-page.h"

G_BEGIN_DECLS

typedef struct _Field Field;

/* Saves @text; FALSE with the model's message in @error keeps the text and marks the field. */
typedef gboolean (*FieldSaveFunc) (Field       *f,
                                   const char  *text,
                                   GError     **error);

struct _Field
{
  SpWorksheetPage *page;
  GtkWidget       *widget;    /* a GtkEditable or a GtkTextView */
  FieldSaveFunc    save;
  char            *loaded;    /* the text last shown from the model */
  char            *message;   /* the model's refusal, while the text is refused */
  gint64           id;        /* rep or OGSMT item */
  int              index;     /* basis, quadrant or tier */
};

typedef struct
{
  gint64      region_id;
  AdwExpanderRow *row;
  GtkLabel   *committed;
  GtkLabel   *gap;
} RegionRow;

typedef struct
{
  gint64      id;
  GtkWidget  *row;
  Field      *text;
  Field      *value;        /* goals and measures */
  GtkMenuButton *deadline;  /* measures */
  GtkCalendar *calendar;
  GtkWidget  *up;
  GtkWidget  *down;
  GtkWidget  *remove;
} OgsmtRow;

struct _SpWorksheetPage
{
  SpPage           parent_instance;

  gint64           plan_id;
  SpWorksheet     *worksheet;       /* NULL when there is no plan or it cannot be read */
  gboolean         loading;
  gboolean         disposing;
  AdwToast        *toast;           /* the last one shown, while it is up (weak) */

  /* 1. the basis */
  GArray          *years;           /* of int: the history years the rows show */
  GPtrArray       *year_checks;     /* of GtkCheckButton, same order */
  GPtrArray       *year_totals;     /* of GtkLabel */
  Field           *typed;
  Field           *growth;
  /* 2. the other bases */
  Field           *adjust_value[SP_WORKSHEET_N_BASES];
  Field           *adjust_note[SP_WORKSHEET_N_BASES];
  GtkToggleButton *adjust_percent[SP_WORKSHEET_N_BASES];
  GtkToggleButton *adjust_amount[SP_WORKSHEET_N_BASES];
  GtkLabel        *adjust_effect[SP_WORKSHEET_N_BASES];
  /* 3. SWOT */
  Field           *swot[SP_WORKSHEET_N_SWOT];
  /* 4. the proposal and the tiers */
  Field           *tiers[3];
  GtkLabel        *tier_notes[3];
  /* 5. commitments */
  char            *commit_shape;    /* the regions and reps the rows were built for */
  GArray          *region_rows;     /* of RegionRow */
  GPtrArray       *commit_fields;   /* of Field, one per commitment, same order */
  GHashTable      *expanded;        /* region ids whose rows are open */
  GtkLabel        *total_committed;
  GtkLabel        *total_target;
  GtkLabel        *total_gap;
  /* 6. OGSMT */
  Field           *objective;
  GtkListBox      *ogsmt_lists[4];
  GtkWidget       *ogsmt_add_rows[4];    /* the row with the "add" entry, last in each list */
  GtkWidget       *ogsmt_add_entries[4];
  GArray          *ogsmt_rows[4];   /* of OgsmtRow */
  char            *ogsmt_shape[4];
  gint64           focus_item;      /* after a move: the item whose button gets the focus */
  int              focus_button;

  /* Template children */
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkScrolledWindow *scroller;
  GtkLabel        *title_label;
  GtkListBox      *years_list;
  GtkEntry        *typed_entry;
  GtkEntry        *growth_entry;
  GtkLabel        *growth_effect;
  GtkLabel        *basis_label;
  GtkGrid         *bases_grid;
  GtkGrid         *swot_grid;
  GtkGrid         *calc_grid;
  GtkLabel        *proposed_label;
  GtkLabel        *proposed_note;
  GtkWidget       *adopt_proposed_button;
  GtkGrid         *tiers_grid;
  GtkListBox      *commit_list;
  GtkGrid         *totals_grid;
  GtkLabel        *gap_words;
  GtkWidget       *adopt_committed_button;
  GtkBox          *ogsmt_box;
};

/* sp-worksheet-page.c */
void              _sp_worksheet_page_load_all   (SpWorksheetPage *self);
const SpCurrency *_sp_worksheet_page_currency   (SpWorksheetPage *self);
SpStore          *_sp_worksheet_page_store      (SpWorksheetPage *self);
char             *_sp_worksheet_page_money      (SpWorksheetPage *self,
                                                 gint64           amount);
char             *_sp_worksheet_page_signed     (SpWorksheetPage *self,
                                                 gint64           amount);
char             *_sp_worksheet_page_entry_money (SpWorksheetPage *self,
                                                  gint64           amount);
gboolean          _sp_worksheet_page_parse_money (SpWorksheetPage *self,
                                                  const char      *text,
                                                  gint64          *out,
                                                  GError         **error);
char             *_sp_worksheet_page_percent    (gint64           bp);
gboolean          _sp_worksheet_page_parse_percent (const char    *text,
                                                    gint64        *out_bp,
                                                    GError       **error);
void              _sp_worksheet_page_toast      (SpWorksheetPage *self,
                                                 const char      *message,
                                                 gboolean         with_undo);
void              _sp_worksheet_page_dismiss_toast (SpWorksheetPage *self);
GtkWidget        *_sp_worksheet_page_label      (const char      *text,
                                                 float            xalign,
                                                 const char      *css_class);
/* A field on @widget: saved on Enter and when the focus leaves; owned by @widget. */
Field            *_sp_worksheet_page_field_new  (SpWorksheetPage *self,
                                                 GtkWidget       *widget,
                                                 FieldSaveFunc    save);
/* Shows @text unless the field is being typed in or holds a refused text. */
void              _sp_worksheet_page_field_load (Field           *f,
                                                 const char      *text);
char             *_sp_worksheet_page_field_text (Field           *f);
gboolean          _sp_worksheet_page_field_has_focus (Field      *f);
/* Shows the gap (target - committed) in @label: signed, with its class. */
void              _sp_worksheet_page_show_gap   (SpWorksheetPage *self,
                                                 GtkLabel        *label,
                                                 gint64           gap);

/* sp-worksheet-page-bases.c: the basis, growth, the other bases and SWOT */
const char       *_sp_worksheet_page_basis_name    (SpWorksheetBasis basis);
void              _sp_worksheet_page_bases_init    (SpWorksheetPage *self);
void              _sp_worksheet_page_bases_create  (SpWorksheetPage *self);
void              _sp_worksheet_page_bases_load    (SpWorksheetPage *self);

/* sp-worksheet-page-target.c: the proposal, the tiers and the commitments */
void              _sp_worksheet_page_target_init   (SpWorksheetPage *self);
void              _sp_worksheet_page_target_load   (SpWorksheetPage *self);
void              _sp_worksheet_page_target_dispose (SpWorksheetPage *self);

/* sp-worksheet-page-ogsmt.c */
void              _sp_worksheet_page_ogsmt_init    (SpWorksheetPage *self);
void              _sp_worksheet_page_ogsmt_load    (SpWorksheetPage *self);
void              _sp_worksheet_page_ogsmt_dispose (SpWorksheetPage *self);

G_END_DECLS
