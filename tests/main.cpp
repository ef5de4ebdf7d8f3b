// The Boost.Test module: every tests/*_test.cpp file adds its suites to it.
#define BOOST_TEST_MODULE snapcheck
#include <boost/test/unit_test.hpp>
