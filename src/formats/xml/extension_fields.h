// SPDX-License-Identifier: MIT
// Reading a namespaced extension element of a track point (GPX Garmin TrackPointExtension, TCX
// ActivityExtension TPX) through a table of its children: which local name fills which TrackPoint field.
#ifndef STRIDE_FORMATS_XML_EXTENSION_FIELDS_H_
#define STRIDE_FORMATS_XML_EXTENSION_FIELDS_H_

#include <pugixml.hpp>

#include <span>
#include <string_view>

#include "formats/xml/track_builder.h"
#include "formats/xml/xml_values.h"

namespace stride::xml {

/// One child of an extension element and the TrackPoint field its number goes to.
struct ExtensionField {
  std::string_view local_name;
  double TrackPoint::*field;
  double scale = 1.0;  // multiplies the number read (TCX RunCadence strides -> steps)
};

/// Reads the children of `extension` (whose namespace URI is `uri`) that are in the same namespace and
/// named in `fields` into `point`: field = number x scale (NaN when the text is not a number). Children
/// in other namespaces and unlisted names are ignored. Inline: it runs once per point.
inline void ReadExtensionFields(pugi::xml_node extension, std::string_view uri, std::span<const ExtensionField> fields,
                                TrackPoint* point) {
  for (pugi::xml_node child = extension.first_child(); child; child = child.next_sibling()) {
    if (ChildNamespaceUri(child, extension, uri) != uri) continue;  // text nodes resolve to ""
    std::string_view local = LocalName(child.name());
    for (const ExtensionField& field : fields) {
      if (local == field.local_name) point->*field.field = ElementNumber(child) * field.scale;
    }
  }
}

}  // namespace stride::xml

#endif  // STRIDE_FORMATS_XML_EXTENSION_FIELDS_H_
