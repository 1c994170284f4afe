#pragma once
#include "TestConfig.h"
