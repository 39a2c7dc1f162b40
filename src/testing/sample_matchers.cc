// SPDX-License-Identifier: MIT
#include "testing/sample_matchers.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>

namespace stride::testing {

bool SameBitsOrNaN(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b);
}

void ExpectExactColumn(const std::vector<double>& want, const std::vector<double>& got, const char* name) {
  ASSERT_EQ(want.size(), got.size()) << name;
  for (size_t i = 0; i < want.size(); ++i) {
    ASSERT_TRUE(SameBitsOrNaN(want[i], got[i])) << name << "[" << i << "]: " << want[i] << " != " << got[i];
  }
}

void ExpectExactSamples(const core::Activity& want, const core::Activity& got) {
  const core::Samples& a = want.samples;
  const core::Samples& b = got.samples;
  ExpectExactColumn(a.time_s, b.time_s, "time_s");
  ExpectExactColumn(a.latitude_deg, b.latitude_deg, "latitude_deg");
  ExpectExactColumn(a.longitude_deg, b.longitude_deg, "longitude_deg");
  ExpectExactColumn(a.distance_m, b.distance_m, "distance_m");
  ExpectExactColumn(a.speed_mps, b.speed_mps, "speed_mps");
  ExpectExactColumn(a.heart_rate_bpm, b.heart_rate_bpm, "heart_rate_bpm");
  ExpectExactColumn(a.cadence_spm, b.cadence_spm, "cadence_spm");
  ExpectExactColumn(a.altitude_m, b.altitude_m, "altitude_m");
  ExpectExactColumn(a.power_w, b.power_w, "power_w");
  ASSERT_EQ(want.developer_channels.size(), got.developer_channels.size());
  for (size_t i = 0; i < want.developer_channels.size(); ++i) {
    EXPECT_EQ(want.developer_channels[i].name, got.developer_channels[i].name);
    EXPECT_EQ(want.developer_channels[i].units, got.developer_channels[i].units);
    ExpectExactColumn(want.developer_channels[i].values, got.developer_channels[i].values, "developer");
  }
}

}  // namespace stride::testing
