// placeholder: filled in by the linearity suite
#include <boost/test/unit_test.hpp>
