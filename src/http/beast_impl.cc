// The one translation unit that compiles Asio and Beast (BOOST_ASIO_SEPARATE_COMPILATION,
// BOOST_BEAST_SEPARATE_COMPILATION): every other file only sees declarations, which keeps
// builds fast. Include these two sources nowhere else.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
